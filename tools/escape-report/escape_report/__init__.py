"""escape_report: whole-project reports of the escape plugin (Python 3, stdlib only).

Modules:
  cli         command line (argparse) and the order of the steps
  compile_db  reading compile_commands.json, choosing TUs, rewriting commands
  runner      running the plugin over the chosen TUs in parallel
  launcher    compiler-launcher mode (--launch) and collecting its reports (--from-build)
  merge       merging per-TU reports into one result (dedup, verdict classes)
  summary     the text summary
  sarif       SARIF 2.1.0 output
  baseline    comparison with a saved merged result
  lsp         per-file LSP diagnostics for editors
  html        HTML pages (written separately; imported only for --html)
"""
