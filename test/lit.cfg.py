# lit configuration for the escape regression suite.
#
# Substitutions:
#   %opt %clang %clangxx %FileCheck %not  LLVM/Clang 19 tools from the build's LLVM
#   %plugin       build/lib/libEscape.so (give it to opt -load-pass-plugin and clang -fplugin)
#   %loadescape   -load-pass-plugin=<libEscape.so>
#   %alloccount   build/lib/libAllocCount.so, an LD_PRELOAD heap-allocation counter
import os
import lit.formats

config.name = "escape"
# RUN lines use bash ($(...) substitutions, env, pipes into diff): always run
# them with the external shell, whatever lit's own flags (-q used to select
# lit's internal shell, where print-pipeline.ll cannot work).
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".ll", ".cpp", ".c", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.escape_obj_root, "test")

tools = config.llvm_tools_dir
plugin = os.path.join(config.escape_lib_dir, "libEscape.so")
config.substitutions.append(("%loadescape", "-load-pass-plugin=" + plugin))
config.substitutions.append(("%plugin", plugin))
config.substitutions.append(("%alloccount", os.path.join(config.escape_lib_dir, "libAllocCount.so")))
config.substitutions.append(("%opt", os.path.join(tools, "opt")))
config.substitutions.append(("%clangxx", os.path.join(tools, "clang++")))
config.substitutions.append(("%clang", os.path.join(tools, "clang")))
config.substitutions.append(("%FileCheck", os.path.join(tools, "FileCheck")))
config.substitutions.append(("%not", os.path.join(tools, "not")))

# Runtime tests under AddressSanitizer need the stack-use-after-return detector on.
config.environment["ASAN_OPTIONS"] = "detect_stack_use_after_return=1:detect_leaks=0"
for var in ("HOME", "TMPDIR"):
    if var in os.environ:
        config.environment[var] = os.environ[var]

# tools/escape-report, the whole-project report, run by the suite's own Python.
import shutil
import sys
config.substitutions.append(("%python", sys.executable))
config.substitutions.append(("%escape-report", sys.executable + " " +
                             os.path.join(config.escape_src_root, "tools", "escape-report", "escape-report")))
config.substitutions.append(("%srcroot", config.escape_src_root))
# Features for the tool and LTO tests; each is installed by tools/setup.sh --tests.
for feature, found in (("ccache", shutil.which("ccache")),
                       ("make", shutil.which("make")),
                       ("chromium", shutil.which("chromium") and shutil.which("chromedriver")),
                       ("clang14", shutil.which("clang++-14")),
                       # LTO links: clang++-19 -fuse-ld=lld takes the ld.lld beside it.
                       ("lld", os.path.exists(os.path.join(tools, "ld.lld")))):
    if found:
        config.available_features.add(feature)
try:
    import jsonschema  # noqa: F401
    config.available_features.add("jsonschema")
except ImportError:
    pass
config.environment["PATH"] = os.environ.get("PATH", "")
