# The two set-up commands (see README):
#   make run   installs what is missing, builds native + wasm + web, seeds demo data, serves :8080
#   make test  installs what is missing, builds, runs every test suite, prints a summary line
# PORT, HOST and DB can be overridden: make run PORT=9090 DB=var/other.db
PORT ?= 8080
HOST ?= 127.0.0.1
DB ?= var/patrol.db

.PHONY: run test deps build build-release build-dev build-wasm format clean

run: deps build-release build-wasm
	@PORT=$(PORT) HOST=$(HOST) DB=$(DB) bash scripts/run.sh

test:
	@bash scripts/test-all.sh

deps:
	@bash scripts/install-deps.sh

build: build-release build-wasm

build-release:
	@cmake --preset release >/dev/null && cmake --build --preset release

build-dev:
	@cmake --preset dev >/dev/null && cmake --build --preset dev

build-wasm:
	@cmake --preset wasm >/dev/null && cmake --build --preset wasm

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf build
