class ValidationError extends Error {
  constructor(message, field) {
    super(message);
    this.name = 'ValidationError';
    this.field = field;
  }
}
function validate() {
  throw new ValidationError('bad input', 'email');
}
validate();
