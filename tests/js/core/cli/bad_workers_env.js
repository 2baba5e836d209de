console.log('NOT REACHED: an invalid PROTOJS_WORKERS is a usage error');
