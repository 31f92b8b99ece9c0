/** A training that cannot run as asked (no readout, no target, a node BPTT cannot pass through…): one line for the user. */
export class TrainingError extends Error {}
