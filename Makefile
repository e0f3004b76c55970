# OffPlatform — the two commands of the README are `make run` and `make test`;
# every target installs what it needs first (`make deps`).
SWIFT       ?= swift
CHECK_FLAGS := --explicit-target-dependency-import-check error
APT_PACKAGES := libsqlite3-dev zlib1g-dev
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build release run test bench clean

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
run: release
	.build/release/offplatform analyze SampleData --db Reports/offplatform.sqlite --reports Reports

# The whole test suite (what .ci/run calls).
test: deps
	$(SWIFT) build $(CHECK_FLAGS) --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build
