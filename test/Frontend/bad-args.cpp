// RUN: %not %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-bogus -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=BOGUS
// RUN: %not %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m=7 -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=LEVEL
// RUN: %not %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-max-object-size=abc -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=SIZE
// RUN: %not %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-max-clone-instructions=-1 -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=CLONES
// RUN: %not %opt %loadescape -passes='escape<max-clone-instructions=x>' -disable-output %S/../Analysis/params.ll 2>&1 | %FileCheck %s --check-prefix=PASSPARAM
// RUN: %not %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-max-arena-size=2k -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=ARENA
// RUN: %not %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-max-inline-instructions=many -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=INLINE
// RUN: %not %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-instantiate-strings=yes -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=STRINGS
// RUN: %not %opt %loadescape -passes='escape<max-arena-size=-5>' -disable-output %S/../Analysis/params.ll 2>&1 | %FileCheck %s --check-prefix=ARENAPARAM

// BOGUS: error: escape: unknown plugin argument 'bogus'; valid arguments are: m, m=LEVEL (0-2), json=PATH,
// LEVEL: error: escape: invalid value '7' for plugin argument 'm' (expected 0, 1 or 2)
// SIZE: error: escape: invalid value 'abc' for plugin argument 'max-object-size' (expected a size in bytes)
// CLONES: error: escape: invalid value '-1' for plugin argument 'max-clone-instructions' (expected a number of instructions)
// PASSPARAM: invalid size 'x' for escape pass parameter 'max-clone-instructions' (instructions)
// ARENA: error: escape: invalid value '2k' for plugin argument 'max-arena-size' (expected a size in bytes)
// INLINE: error: escape: invalid value 'many' for plugin argument 'max-inline-instructions' (expected a number of instructions)
// STRINGS: error: escape: invalid value 'yes' for plugin argument 'instantiate-strings' (expected 0 or 1)
// ARENAPARAM: invalid size '-5' for escape pass parameter 'max-arena-size' (bytes)

int f() { return 0; }
