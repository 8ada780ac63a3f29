// Facts about a Go module (or go.work workspace), beyond the common ones.
import type { CommonFacts, Fact } from '../../types.js';

export interface GoFacts extends CommonFacts {
  language: 'go';
  packageManager: Fact<'go'>;
  /** Module path from go.mod, null in a go.work-only workspace. */
  module: string | null;
  /** Files the module download needs, copied before the sources: go.mod, go.sum, go.work, ... (existing ones). */
  manifestFiles: string[];
  /** Any requirement to download; false for stdlib-only modules (then there is no download step). */
  hasRequirements: boolean;
  /** vendor/modules.txt is present: build from vendor/, download nothing. */
  vendored: boolean;
  /** Package to build, as `go build` takes it: "." or "./cmd/api". */
  mainPackage: Fact<string>;
  /** Every main package found (same notation), for messages and the prompt. */
  mainCandidates: string[];
  /** Why cgo is needed: files with `import "C"` and cgo modules; empty means CGO_ENABLED=0 works. */
  cgo: string[];
  /** Some linked C code is C++ (needs libstdc++ in the final image). */
  libstdcxx: boolean;
  /** Build tags needed when building on Alpine (confluent-kafka-go: musl). */
  muslTags: string[];
}
