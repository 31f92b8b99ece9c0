/**
 * Vitest setup file: loads the node kinds' registry, as every program's entry does (see
 * src/model/kind-lookup.ts), so a test of the document model alone can validate documents.
 */
import '../kinds/registry.ts';
