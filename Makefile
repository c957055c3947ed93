# clio -- GNU Makefile.  `make` builds libclio (static + shared) and the
# `clio` tool; `make test` runs every test, plain and under ASan + UBSan,
# then fuzzes every parser for a bounded time and runs the distributed
# build with mpirun (docs/mpi.md); `make valgrind` runs the tests under
# valgrind;
# `make demo` runs the example impact study on data/.  See README.md.

ifeq ($(origin CC),default)
CC       := gcc
endif
BUILD    ?= build
SANITIZE ?=
PKGS     := netcdf lapacke openblas igraph libcjson nettle
VERSION  := $(shell sed -n 's/^\#define CLIO_VERSION "\(.*\)"/\1/p' include/clio.h)
SOVERSION := 0
PREFIX   ?= /usr/local
DESTDIR  ?=

CPPFLAGS += -Iinclude -D_POSIX_C_SOURCE=200809L
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 -pthread -Wall -Wextra -Werror -fPIC \
            $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# UMFPACK (SuiteSparse) has no pkg-config file in Debian: its header is
# <suitesparse/umfpack.h>, the library -lumfpack (sparse LU, solver/sparse_lu.c).
LDLIBS   += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lumfpack -lcsv -lyaml -lm -pthread

# FUZZ=1 (make fuzz): libFuzzer coverage on every object, with ASan + UBSan.
ifneq ($(FUZZ),)
CFLAGS  += -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
           -fno-sanitize-recover=all
endif

ifneq ($(SANITIZE),)
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif

LIB_SRC  := $(wildcard tables/*.c solver/*.c calibration/*.c shocks/*.c)
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_SRC  := $(wildcard cli/*.c)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_SRC := $(wildcard tests/unit/test_*.c)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%.t)
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/%)
FUZZ_SECONDS ?= 15
BENCH_SRC := $(wildcard benchmarks/*.c)
BENCH_BIN := $(BENCH_SRC:benchmarks/%.c=$(BUILD)/bench/%)

.PHONY: all clang deps demo-run test test-plain test-asan unit cli-test demo bench bench-scale clean \
        man install uninstall fuzz fuzz-run valgrind

all: $(BUILD)/libclio.a $(BUILD)/libclio.so $(BUILD)/clio

deps:
	@scripts/install-deps.sh test

# Build with clang too: the code must be clean under both compilers.
clang:
	$(MAKE) --no-print-directory BUILD=build/clang CC=clang all

$(BUILD)/obj/%.o: %.c include/clio.h include/clioi.h $(wildcard tables/*.h solver/*.h calibration/*.h shocks/*.h cli/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/libclio.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
	@rm -f $@  # no stale members of deleted sources
	$(AR) rcs $@ $^

# A versioned shared library: the file libclio.so.VERSION, its soname
# libclio.so.0 (what programs load) and libclio.so (what the linker finds).
# libclio.map exports clio_* only.
$(BUILD)/libclio.so.$(VERSION): $(LIB_OBJ) libclio.map
	$(CC) -shared $(LDFLAGS) -Wl,-soname,libclio.so.$(SOVERSION) \
	    -Wl,--version-script=libclio.map -o $@ $(LIB_OBJ) $(LDLIBS)

$(BUILD)/libclio.so: $(BUILD)/libclio.so.$(VERSION)
	ln -sf libclio.so.$(VERSION) $(BUILD)/libclio.so.$(SOVERSION)
	ln -sf libclio.so.$(VERSION) $@

$(BUILD)/clio: $(CLI_OBJ) $(BUILD)/libclio.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libclio.a $(LDLIBS)

$(BUILD)/tests/%.t: tests/unit/%.c tests/unit/tap.h tests/unit/solver_test.h $(BUILD)/libclio.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(BUILD)/libclio.a $(LDLIBS)

# Every allocation in libclio.a goes through the test's counting wrappers.
$(BUILD)/tests/test_alloc_failure.t: LDFLAGS += -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free

$(BUILD)/bench/%: benchmarks/%.c $(BUILD)/libclio.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libclio.a $(LDLIBS)

# The unit tests and the CLI tests (bats) are all TAP: prove runs them.
# One BLAS thread: tests are small, and two test processes share 2 cores.
unit: $(TEST_BIN)
cli-test: $(BUILD)/clio

test-plain: all $(TEST_BIN)
	OPENBLAS_NUM_THREADS=1 CLIO="$(abspath $(BUILD)/clio)" prove -j2 $(TEST_BIN:%=./%) tests/cli/*.bats

# ASan must let a huge calloc fail (NULL) as the C library does: clio
# refuses tables too large for memory with a message (tests/cli/bad_inputs.bats).
test-asan:
	ASAN_OPTIONS=allocator_may_return_null=1 \
	    $(MAKE) --no-print-directory BUILD=build/asan SANITIZE=1 CC=$(CC) test-plain

test: deps
	$(MAKE) --no-print-directory test-plain
	$(MAKE) --no-print-directory test-asan
	$(MAKE) --no-print-directory fuzz
	$(MAKE) --no-print-directory test-mpi-run

# The main job: the README's impact study on the embedded Germany 1995 table.
# deps first, then a fresh make: compiler flags come from pkg-config, which
# only answers once the packages are installed.
demo: deps
	$(MAKE) --no-print-directory demo-run

demo-run: all
	$(BUILD)/clio import data/germany_1995 --region DE --unit "EUR million" \
	    --title "Germany 1995, Eurostat Manual Table 15.4" -o $(BUILD)/germany_1995.nc
	$(BUILD)/clio impact $(BUILD)/germany_1995.nc --demand data/germany_1995/construction_shock.csv \
	    -o $(BUILD)/germany_1995_impact.nc
	$(BUILD)/clio scenario run examples/scenarios/germany_policies.yaml \
	    -o $(BUILD)/germany_1995_scenarios.nc --series $(BUILD)/germany_1995_series.csv
	$(BUILD)/clio report $(BUILD)/germany_1995_impact.nc $(BUILD)/germany_1995_scenarios.nc \
	    -o $(BUILD)/germany_1995_report.html
	@echo "wrote $(BUILD)/germany_1995.nc (the table), $(BUILD)/germany_1995_impact.nc (the impact),"
	@echo "$(BUILD)/germany_1995_scenarios.nc (ten shocks and policies; docs/scenarios.md)"
	@echo "and $(BUILD)/germany_1995_report.html (the page to open in a browser; docs/report.md)"

bench:
	@scripts/install-deps.sh bench
	$(MAKE) --no-print-directory all $(BENCH_BIN)
	benchmarks/run.sh
	benchmarks/structural.sh
	benchmarks/balance.sh
	benchmarks/scenarios.sh
	benchmarks/scale.sh

# Issue 7's scale suite alone (about 30 minutes; benchmarks/README.md).
bench-scale:
	@scripts/install-deps.sh bench
	$(MAKE) --no-print-directory all
	benchmarks/scale.sh $(CASES)

# The whole test suite under valgrind (slow: minutes): unit tests and the
# CLI tests with the tool wrapped by tests/valgrind/clio.sh.
valgrind: all $(TEST_BIN)
	tests/valgrind/run.sh $(BUILD)

# Coverage-guided fuzzing of every parser (tests/fuzz/README.md): clang's
# libFuzzer, FUZZ_SECONDS per target, then the saved regressions.
fuzz:
	@scripts/install-deps.sh fuzz
	$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang FUZZ=1 fuzz-run

fuzz-run: $(FUZZ_BIN)
	tests/fuzz/run.sh $(BUILD) $(FUZZ_SECONDS)

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(BUILD)/libclio.a
	$(CC) $(CPPFLAGS) $(CFLAGS) -fsanitize=fuzzer -o $@ $< $(BUILD)/libclio.a $(LDLIBS)

# Man pages, generated from each command's --help by help2man.
man: $(BUILD)/man/clio.1
$(BUILD)/man/clio.1: $(BUILD)/clio scripts/make-man.sh man/clio.h2m
	@scripts/install-deps.sh install
	rm -rf $(BUILD)/man
	scripts/make-man.sh $(BUILD)/clio $(VERSION) $(BUILD)/man

# make install PREFIX=/usr/local [DESTDIR=staging]: library (static and
# versioned shared), header, pkg-config file, the tool and its man pages.
install: all man
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/include \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/clio $(DESTDIR)$(PREFIX)/bin/clio
	install -m 644 include/clio.h $(DESTDIR)$(PREFIX)/include/clio.h
	install -m 644 $(BUILD)/libclio.a $(DESTDIR)$(PREFIX)/lib/libclio.a
	install -m 755 $(BUILD)/libclio.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/
	ln -sf libclio.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libclio.so.$(SOVERSION)
	ln -sf libclio.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libclio.so
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' -e 's|@PKGS@|$(PKGS)|' \
	    clio.pc.in >$(DESTDIR)$(PREFIX)/lib/pkgconfig/clio.pc
	install -m 644 $(BUILD)/man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/clio $(DESTDIR)$(PREFIX)/include/clio.h \
	    $(DESTDIR)$(PREFIX)/lib/libclio.a $(DESTDIR)$(PREFIX)/lib/libclio.so* \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig/clio.pc $(DESTDIR)$(PREFIX)/share/man/man1/clio.1 \
	    $(DESTDIR)$(PREFIX)/share/man/man1/clio-*.1

clean:
	rm -rf build

# ---- Distributed runs (optional; docs/mpi.md) -------------------------------
# `make mpi` builds build/mpi/clio-mpi: Open MPI + ScaLAPACK for the dense
# path, PETSc for the sparse path when pkg-config finds it (else the program
# says so for --method petsc).  `make test-mpi` runs tests/mpi with mpirun.
# Plain `make` never looks at MPI: these variables are expanded only here.
# On a cluster set them to its modules, e.g. MPICC=mpicc SCALAPACK_LIBS=-lscalapack.
MPICC          ?= mpicc
SCALAPACK_LIBS ?= $(shell pkg-config --libs scalapack-openmpi 2>/dev/null || echo -lscalapack)
PETSC_CFLAGS   ?= $(patsubst -I%,-isystem %,$(shell pkg-config --cflags petsc 2>/dev/null))
PETSC_LIBS     ?= $(shell pkg-config --libs petsc 2>/dev/null)
MPI_BUILD       = $(BUILD)/mpi
MPI_SPARSE      = $(if $(PETSC_LIBS),mpi/sparse_petsc.c,mpi/sparse_none.c)
MPI_SRC         = $(filter-out mpi/sparse_%.c,$(wildcard mpi/*.c)) $(MPI_SPARSE)
MPI_OBJ         = $(MPI_SRC:%.c=$(MPI_BUILD)/obj/%.o)

.PHONY: mpi mpi-build test-mpi test-mpi-run

mpi:
	@scripts/install-deps.sh mpi
	$(MAKE) --no-print-directory mpi-build

mpi-build: $(BUILD)/libclio.a
	$(MAKE) --no-print-directory MPI=1 $(MPI_BUILD)/clio-mpi

$(MPI_BUILD)/obj/mpi/%.o: mpi/%.c mpi/clio_mpi.h mpi/scalapack.h include/clio.h include/clioi.h
	@mkdir -p $(dir $@)
	$(MPICC) $(CPPFLAGS) $(CFLAGS) $(PETSC_CFLAGS) -c $< -o $@

# Defined only in the sub-make of mpi-build: make reads a rule's
# prerequisites at once, and plain make must not even ask pkg-config.
ifeq ($(MPI),1)
$(MPI_BUILD)/clio-mpi: $(MPI_OBJ) $(BUILD)/libclio.a
	$(MPICC) $(LDFLAGS) -o $@ $(MPI_OBJ) $(BUILD)/libclio.a $(LDLIBS) $(SCALAPACK_LIBS) \
	    $(PETSC_LIBS)
endif

# mpirun -np 1, 2 and 4 on this machine against the single-node `clio`.
# test-mpi-run installs nothing (for `make test` where MPI is installed).
test-mpi: mpi
	$(MAKE) --no-print-directory test-mpi-run

test-mpi-run: mpi-build all
	OPENBLAS_NUM_THREADS=1 CLIO="$(abspath $(BUILD)/clio)" \
	    CLIO_MPI="$(abspath $(MPI_BUILD)/clio-mpi)" prove tests/mpi/*.bats
