# backchannel — see README.md. `make run` and `make test` are all the set-up.
GO      ?= go
BIN     := backchannel
PKGS    := ./...
DB      ?=
RUNARGS := $(if $(DB),--db $(DB),)

.PHONY: all build run test test-go tools lint bench demo clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/backchannel

## run: build, then open the terminal workbook on the default workbook
run: build
	./$(BIN) $(RUNARGS)

## test: everything CI checks (lint, vet, unit, property, golden, teatest and the tmux end-to-end test)
test: tools lint test-go

test-go:
	CI=$${CI:-1} $(GO) test -count=1 $(PKGS)

## tools: what the tests need and a fresh machine may lack (tmux for the end-to-end test)
tools:
	@command -v tmux >/dev/null 2>&1 || { \
		echo "installing tmux for the end-to-end test"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq tmux >/dev/null; }

## lint: gofmt check and go vet
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
		if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet $(PKGS)

## bench: readiness, brief, store and TUI benchmarks (compare runs with benchstat)
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 6 ./model/ ./db/ ./tui/ | tee bench.txt

## demo: write the sample workbook to /tmp/backchannel-demo.db and open it
demo: build
	./$(BIN) --db /tmp/backchannel-demo.db demo --force
	./$(BIN) --db /tmp/backchannel-demo.db

clean:
	rm -f $(BIN) bench.txt
