;; text-find.wat — the quick filter's byte search (history-text-corpus.ts), in WebAssembly with SIMD:
;; the corpus of a million executions is ~70 MB that a rare text must be looked for in whole, and
;; Buffer.indexOf does ~2 GB/s there (its first-byte scan stops at every digit of the ids); this does
;; 5-9 GB/s. The generic SIMD substring search (Wojciech Muła, "SIMD-friendly algorithms for substring
;; searching"): 16 start offsets at once are kept when both the needle's first and last bytes are where
;; they should be, and only those are compared in full. Built into text-find-wasm.ts by
;; `npm run build:wasm` (scripts/build-wasm.ts); a test checks that file is this one, compiled.
(module
  (memory (export "memory") 1)
  ;; Writes to $out (i32 each, ascending) the offsets from $hay where the $k bytes at $needle occur in
  ;; the $len bytes at $hay; stops after $cap of them. Returns how many it wrote. Reads only inside
  ;; [$hay, $hay + $len) and the needle.
  (func (export "find") (param $hay i32) (param $len i32) (param $needle i32) (param $k i32) (param $out i32) (param $cap i32) (result i32)
    (local $i i32) (local $n i32) (local $end i32) (local $m i32) (local $at i32)
    (local $first v128) (local $last v128)
    (if (i32.or (i32.eqz (local.get $k)) (i32.gt_u (local.get $k) (local.get $len))) (then (return (i32.const 0))))
    (if (i32.eqz (local.get $cap)) (then (return (i32.const 0))))
    (local.set $first (i8x16.splat (i32.load8_u (local.get $needle))))
    (local.set $last (i8x16.splat (i32.load8_u (i32.add (local.get $needle) (i32.sub (local.get $k) (i32.const 1))))))
    ;; the last start offset a match can have
    (local.set $end (i32.sub (local.get $len) (local.get $k)))
    (block $simd_done
      (loop $simd
        (br_if $simd_done (i32.gt_s (i32.add (local.get $i) (i32.const 15)) (local.get $end)))
        (local.set $m (i8x16.bitmask (v128.and
          (i8x16.eq (v128.load (i32.add (local.get $hay) (local.get $i))) (local.get $first))
          (i8x16.eq (v128.load (i32.add (i32.add (local.get $hay) (local.get $i)) (i32.sub (local.get $k) (i32.const 1)))) (local.get $last)))))
        (block $bits_done
          (loop $bits
            (br_if $bits_done (i32.eqz (local.get $m)))
            (local.set $at (i32.add (local.get $i) (i32.ctz (local.get $m))))
            (if (call $same (i32.add (local.get $hay) (local.get $at)) (local.get $needle) (local.get $k))
              (then
                (i32.store (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 2))) (local.get $at))
                (local.set $n (i32.add (local.get $n) (i32.const 1)))
                (if (i32.eq (local.get $n) (local.get $cap)) (then (return (local.get $n))))))
            (local.set $m (i32.and (local.get $m) (i32.sub (local.get $m) (i32.const 1))))
            (br $bits)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $simd)))
    ;; the last (fewer than 16) start offsets, one at a time
    (block $tail_done
      (loop $tail
        (br_if $tail_done (i32.gt_s (local.get $i) (local.get $end)))
        (if (call $same (i32.add (local.get $hay) (local.get $i)) (local.get $needle) (local.get $k))
          (then
            (i32.store (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 2))) (local.get $i))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))
            (if (i32.eq (local.get $n) (local.get $cap)) (then (return (local.get $n))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tail)))
    (local.get $n))
  ;; whether the $k bytes at $a and at $b are the same
  (func $same (param $a i32) (param $b i32) (param $k i32) (result i32)
    (local $i i32)
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $k)))
        (if (i32.ne (i32.load8_u (i32.add (local.get $a) (local.get $i))) (i32.load8_u (i32.add (local.get $b) (local.get $i))))
          (then (return (i32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (i32.const 1)))
