# clean-bounded-cache.tcl -- a cache that keeps the last 5 keys: it fills
# during the first runs, then stops growing.
# Expect: clean
## setup
set ::corpus_tick 100
array set ::corpus_cache {}
## action
set ::corpus_cache(key[incr ::corpus_tick]) "a cached value"
if {[array size ::corpus_cache] > 5} {
    unset ::corpus_cache(key[expr {$::corpus_tick - 5}])
}
## cleanup
unset ::corpus_cache ::corpus_tick
