# Build settings; override on the command line (make CC=clang PREFIX=/opt/x).
VERSION   = 0.1.0
PREFIX    = /usr/local
MANPREFIX = $(PREFIX)/share/man
CC       ?= cc
PKG_CONFIG ?= pkg-config
BUILD    ?= build

# Warnings are errors everywhere: the CI builds exactly this.
WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla
OPT      ?= -O2 -g
SAN      ?=
DEPLIBS  = zlib liblz4 libzstd
CPPFLAGS += -D_FILE_OFFSET_BITS=64 -D_POSIX_C_SOURCE=200809L -DPGOD_VERSION=\"$(VERSION)\"
CFLAGS   += -std=c11 $(WARN) $(OPT) $(SAN) $(shell $(PKG_CONFIG) --cflags $(DEPLIBS))
LDLIBS   += $(shell $(PKG_CONFIG) --libs $(DEPLIBS))
TEST_LDLIBS = $(shell $(PKG_CONFIG) --libs cmocka)

# The checksum loop runs 32 independent lanes: let the compiler unroll and
# vectorize it, as PostgreSQL does for the same code.
CFLAGS_checksum = -O3 -funroll-loops
