new Promise((_, reject) => reject('string reason'));
