throw { code: 42, reason: 'not an Error' };
