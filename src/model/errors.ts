// Typed errors for programmer misuse (bad arguments to engine functions). User data never throws:
// loaders return a Result with Problem[] instead (see src/format).
export class LightfabricError extends Error {
  constructor(public readonly code: string, message: string) {
    super(message);
    this.name = 'LightfabricError';
  }
}

/** A generator was asked for something impossible (k odd, radix too small ...). */
export class GeneratorParamError extends LightfabricError {
  constructor(public readonly param: string, message: string) {
    super('bad-param', `--${param}: ${message}`);
    this.name = 'GeneratorParamError';
  }
}

export class CancelledError extends LightfabricError {
  constructor() {
    super('cancelled', 'evaluation cancelled');
    this.name = 'CancelledError';
  }
}
