"""Sum `ccache --print-stats` (stdin) into one line: hits=N misses=M."""
import sys

stats = dict(line.split("\t", 1) for line in sys.stdin.read().splitlines() if "\t" in line)
hits = int(stats.get("direct_cache_hit", 0)) + int(stats.get("preprocessed_cache_hit", 0))
print("hits=%d misses=%s" % (hits, int(stats.get("cache_miss", 0))))
