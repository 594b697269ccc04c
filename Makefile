# backchannel — see README.md. `make run` and `make test` are all the set-up.
GO      ?= go
BIN     := backchannel
PKGS    := ./...
DB      ?=
RUNARGS := $(if $(DB),--db $(DB),)

.PHONY: all build run test test-go generate fuzz-brief fuzz stress tools lint bench bench-peer demo clean

all: build

# The version stamped into the binary: the nearest tag when there is one
# (`git describe`), and the commit, its date and whether the tree was dirty.
GITVER  := $(shell git describe --tags --dirty 2>/dev/null)
COMMIT  := $(shell git rev-parse --short=12 HEAD 2>/dev/null)
CDATE   := $(shell git log -1 --format=%cI 2>/dev/null)
DIRTY   := $(shell test -n "$$(git status --porcelain 2>/dev/null)" && echo true)
LDFLAGS := -X main.version=$(GITVER) -X main.commit=$(COMMIT) -X main.commitDate=$(CDATE) -X main.modified=$(DIRTY)

# Built without cgo: nothing needs it (os/user and net fall back to Go), and
# a static binary starts without the dynamic loader, about half a
# millisecond of every command (docs/performance.md, "Start-up").
build:
	CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/backchannel

## run: build, then open the terminal workbook on the default workbook
run: build
	./$(BIN) $(RUNARGS)

## test: everything CI checks (lint, vet, unit, property, golden, teatest, the tmux end-to-end test, a brief fuzz)
test: tools lint test-go fuzz-brief

test-go:
	CI=$${CI:-1} $(GO) test -count=1 $(PKGS)

## generate: rewrite the generated files (model/enums_text.go, the enums'
## String/MarshalText/UnmarshalText from their specs); test-go fails when
## the committed file differs from what the generator writes
generate:
	$(GO) generate ./...

## fuzz-brief: a few seconds of each contact-file fuzz target, seeded with the importer corpus, and of the redactor's
FUZZ_TARGETS := FuzzReadVCard FuzzReadCSV FuzzExportImport
FUZZTIME ?= 3s
FUZZLONG ?= 2m
fuzz-brief:
	@for t in $(FUZZ_TARGETS); do $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) ./internal/contactfile/ || exit 1; done
	@$(GO) test -run '^$$' -fuzz '^FuzzRedactor$$' -fuzztime $(FUZZTIME) ./model/redact/

## fuzz: the same targets for longer, FUZZLONG each (make fuzz FUZZLONG=10m)
fuzz:
	@$(MAKE) --no-print-directory fuzz-brief FUZZTIME=$(FUZZLONG)

## stress: the long data-safety suites at full size: 1,000 SIGKILLs of the
## real binary mid-write, 64 writers × 30, a log during a 200,000-row import
## and during its undo
stress:
	BACKCHANNEL_CRASH_CYCLES=1000 BACKCHANNEL_IMPORT_ROWS=200000 CI=$${CI:-1} \
		$(GO) test -count=1 -timeout 60m -v -run 'TestCrashHarness|TestManyWritersNeverFail|TestLogDuringLargeImport|TestKillDuringImport|TestLogDuringLargeUndo|TestKillDuringUndo' ./cmd/backchannel/

## tools: what the tests need and a fresh machine may lack (tmux for the end-to-end test)
tools:
	@command -v tmux >/dev/null 2>&1 || { \
		echo "installing tmux for the end-to-end test"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq tmux >/dev/null; }

## lint: gofmt, go vet, staticcheck and deadcode (pinned versions, fetched by go run)
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
DEADCODE    := golang.org/x/tools/cmd/deadcode@v0.52.0
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
		if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet $(PKGS)
	$(GO) run $(STATICCHECK) $(PKGS)
	@out=$$($(GO) run $(DEADCODE) -test $(PKGS)); \
		if [ -n "$$out" ]; then echo "deadcode found unreachable functions:"; echo "$$out"; exit 1; fi

## bench: readiness, brief, store (the shared-contacts shape of issue 13:
## load, list cached and not, open), whole CLI commands in process (brief,
## proposals, log) and TUI benchmarks; compare two runs with
## `benchstat old.txt bench.txt` (docs/performance.md)
## The TUI's benchmarks on issue 13's workbooks (tui/bench_workbook_test.go)
## generate them once per run; BENCHSHAPES picks some (shared300,big200k,shared10k),
## BACKCHANNEL_BENCH_DIR keeps them between runs.
## The defaults (six samples of 200 ms each, the TUI on shared300) take about
## four minutes; BENCHSHAPES=shared300,big200k,shared10k BENCHTIME=1s is the
## whole set, about an hour (docs/performance.md, "How to measure").
BENCHCOUNT  ?= 6
BENCHTIME   ?= 200ms
BENCHSHAPES ?= shared300
bench:
	BACKCHANNEL_BENCH_SHAPES=$(BENCHSHAPES) $(GO) test -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) -count $(BENCHCOUNT) -timeout 2h ./model/... ./db/ ./tui/ ./cmd/backchannel/ | tee bench.txt

## bench-peer: brief against taskwarrior and the sqlite3 CLI (hyperfine), with the ratios
bench-peer:
	scripts/bench-peer.sh

## demo: write the sample workbook to /tmp/backchannel-demo.db and open it
demo: build
	./$(BIN) --db /tmp/backchannel-demo.db demo --force
	./$(BIN) --db /tmp/backchannel-demo.db

clean:
	rm -f $(BIN) bench.txt
