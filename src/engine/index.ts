/** Public API of the engine. */
export { compile, describeSchedule, type Program, type CompileOptions } from './compile/compile.ts';
export { CompileError } from './compile/errors.ts';
export type { NodeRuntime, EdgeRuntime, Operation, ScheduleEntry, WeightMatrix, NodeBuilder } from './compile/types.ts';
export { getBuilder } from '../kinds/registry.ts';
export { nonzeros, sampleWeights, weightSpecOf } from './compile/sample-weights.ts';
export { Simulator, DivergenceError } from './simulator.ts';
export { parseProbe, probeLabel, Recorder, ProbeError, type ProbeSpec } from './probes.ts';
export { Rng } from './rng.ts';
export type { Kernels } from './kernels/kernels.ts';
export { jsKernels } from './kernels/js-kernels.ts';
export { trainReadouts, TrainingError, type ReadoutReport } from './readout-training.ts';
export { memoryCapacity, type MemoryCapacityOptions, type MemoryCapacityResult } from './tasks/memory-capacity.ts';
export { defaultMaxDelay, MEMORY_CAPACITY_DEFAULTS, memoryCapacityInput, memoryCapacityOptions } from './tasks/task-setup.ts';
export { memoryCapacityOnSession, trainOnSession, type MemoryCapacityReply, type MemoryCapacityRequest, type TrainReply } from './tasks/task-runs.ts';
export { nrmse, squaredCorrelation } from './tasks/metrics.ts';
export { isReadout, type ReadoutRuntime } from '../kinds/readout/builder.ts';
