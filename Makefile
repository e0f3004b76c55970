# OffPlatform — the two commands of the README are `make run` and `make test`;
# every target installs what it needs first (`make deps`).
SWIFT       ?= swift
CHECK_FLAGS := --explicit-target-dependency-import-check error
APT_PACKAGES := libsqlite3-dev zlib1g-dev
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PYTHON      ?= python3
PYSPARK_DIR := .tools/pyspark

.PHONY: all deps build release run test bench clean spark-deps spark-test

all: build

# Installs the system libraries this package builds on, only when their headers are missing.
deps:
	@missing=""; \
	echo '#include <sqlite3.h>' | cc -E -x c - >/dev/null 2>&1 || missing="$$missing libsqlite3-dev"; \
	echo '#include <zlib.h>'    | cc -E -x c - >/dev/null 2>&1 || missing="$$missing zlib1g-dev"; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build $(CHECK_FLAGS)

release: deps
	$(SWIFT) build -c release $(CHECK_FLAGS)

# The nightly job on the committed sample data: writes Reports/offplatform.sqlite and the CSVs.
# SampleData holds six deliberately bad lines (SampleData/README.md), so analyze ends with status 2
# ("finished; some lines rejected"); that status is the expected one here, any other failure is not.
run: release
	@status=0; .build/release/offplatform analyze SampleData --db Reports/offplatform.sqlite --reports Reports || status=$$?; \
	if [ $$status -eq 2 ]; then echo "make run: status 2 (lines rejected) is expected: SampleData holds deliberately bad lines"; \
	elif [ $$status -ne 0 ]; then exit $$status; fi

# The whole test suite (what .ci/run calls), the Spark job's test last.
test: deps
	$(SWIFT) build $(CHECK_FLAGS) --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) --no-print-directory spark-test

# The Spark job (spark/, docs/DISTRIBUTED.md): pyspark into .tools/pyspark (ignored by git) when missing
# or when spark/requirements.txt changed, and a Java runtime when there is none.
spark-deps: $(PYSPARK_DIR)/.installed
	@command -v java >/dev/null 2>&1 || { \
	  echo "make spark-deps: installing openjdk-17-jre-headless"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq openjdk-17-jre-headless; }

$(PYSPARK_DIR)/.installed: spark/requirements.txt
	rm -rf $(PYSPARK_DIR)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --target $(PYSPARK_DIR) -r spark/requirements.txt
	touch $@

# The Spark job in local mode against plain `analyze` of the same binary (about 2 minutes on 2 cores).
spark-test: deps spark-deps
	$(SWIFT) build --product offplatform
	OFFPLATFORM_BINARY=.build/debug/offplatform PYTHONPATH=$(PYSPARK_DIR) $(PYTHON) spark/test_spark_job.py

# Speed figures (docs/BENCHMARKS.md): a release build, then `bench` on a generated 2 GB export in 4 files
# (cached in .bench-data/, reused by later runs). BENCH_ARGS adds flags, e.g. BENCH_ARGS="--data DIR --json";
# DUCKDB=1 also times the DuckDB query of Benchmarks/ on the same files (installs duckdb into .tools/duckdb).
BENCH_ARGS ?=
DUCKDB     ?=
bench: release
	.build/release/offplatform bench --size 2GB --files 4 --seed 1 $(BENCH_ARGS)
	@if [ -n "$(DUCKDB)" ]; then \
	  dir=$$(echo "$(BENCH_ARGS)" | sed -n 's/.*--data[ =]\([^ ]*\).*/\1/p'); \
	  [ -n "$$dir" ] || dir=.bench-data/size-2000000000-files-4-seed-1; \
	  $(PYTHON) Benchmarks/duckdb_offplatform.py "$$dir"; \
	fi

clean:
	rm -rf .build
