// A module built by a compile with the plugin is read by one without it
// (one implicit module cache): the plugin leaves libstdc++'s
// _GLIBCXX_EXTERN_TEMPLATE alone under modules, so both see it as libstdc++
// defines it, 1, and neither warns under -Wundef. Without modules the plugin
// makes it -1 (basic_string's members instantiated here).
// RUN: rm -rf %t.cache
// RUN: %clangxx -std=c++17 -O2 -Wundef -Werror -fmodules -fimplicit-module-maps -fmodules-cache-path=%t.cache -fplugin=%plugin -I %S/Inputs/strings-modules -c %s -o %t.with.o
// RUN: %clangxx -std=c++17 -O2 -Wundef -Werror -fmodules -fimplicit-module-maps -fmodules-cache-path=%t.cache -I %S/Inputs/strings-modules -c %s -o %t.without.o
// RUN: %clangxx -std=c++17 -O2 -Wundef -Werror -fmodules -fimplicit-module-maps -fmodules-cache-path=%t.cache -I %S/Inputs/strings-modules %s -o %t.without
// RUN: %t.without | %FileCheck %s --check-prefix=MODULES
// RUN: %clangxx -std=c++17 -O2 -fplugin=%plugin -I %S/Inputs/strings-modules %s -o %t.textual
// RUN: %t.textual | %FileCheck %s --check-prefix=TEXTUAL
#include "strs.h"
#include <cstdio>
#if _GLIBCXX_EXTERN_TEMPLATE
static const char *mode = "extern templates on";
#else
static const char *mode = "extern templates off";
#endif
int main() { std::printf("%s %d\n", mode, (int)_GLIBCXX_EXTERN_TEMPLATE); }
// MODULES: extern templates on 1
// TEXTUAL: extern templates on -1
