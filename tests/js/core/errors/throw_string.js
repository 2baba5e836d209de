console.log('before');
throw 'a plain string';
