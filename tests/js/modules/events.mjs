// events: EventEmitter as Node has it.
import EventEmitter, { once } from 'node:events';
import events from 'events';
console.log(EventEmitter === events, EventEmitter.EventEmitter === EventEmitter, EventEmitter.defaultMaxListeners);
const e = new EventEmitter();
console.log(e);
const seen = [];
function onX(a, b) { seen.push(['x', a, b, this === e]); }
e.on('x', onX);
e.once('x', (a) => seen.push(['once', a]));
e.prependListener('x', () => seen.push(['first']));
console.log(e.emit('x', 1, 2), e.emit('x', 3), e.emit('nothing'));
console.log(JSON.stringify(seen));
console.log(e.listenerCount('x'), e.eventNames(), e.listeners('x').length, e.rawListeners('x').length);
e.off('x', onX);
console.log(e.listenerCount('x'), e.listenerCount('x', onX));
e.on('newListener', (name) => console.log('newListener', name));
e.on('y', () => {});
e.removeAllListeners('y');
console.log(e.eventNames());
try { e.emit('error', new Error('bad thing')); } catch (err) { console.log('error thrown:', err.message); }
try { e.emit('error', 'plain'); } catch (err) { console.log('error thrown:', err.code, err.message); }
e.on('error', (err) => console.log('handled:', err.message));
e.emit('error', new Error('caught'));
class Sub extends EventEmitter {}
const s = new Sub();
setTimeout(() => s.emit('ready', 'a', 'b'), 1);
console.log('once():', await once(s, 'ready'));
const m = new EventEmitter();
m.setMaxListeners(1);
console.log(m.getMaxListeners());
try { e.on('z', 'not a function'); } catch (err) { console.log(err.code, err.message); }
