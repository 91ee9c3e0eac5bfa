;; The SHA-256 compression function (FIPS 180-4, 6.2.2), for resumable-sha256.ts. The caller keeps the
;; running state: it writes the eight words at `state`, whole 64-byte blocks at `input`, calls `compress`,
;; then reads the words back. Built by `npm run build:sha256` into sha256.wasm, which is committed.
;;
;; Memory: state words at 0, the round constants K at 64, the message schedule W at 512, input from 1024.
;; Words in memory are little-endian; message words are big-endian and are byte-swapped as they are read.
(module
  (memory (export "memory") 2)
  (global (export "state") i32 (i32.const 0))
  (global (export "input") i32 (i32.const 1024))
  ;; The rest of the two pages: 2032 blocks.
  (global (export "inputBytes") i32 (i32.const 130048))

  ;; K[0..63], each word little-endian.
  (data (i32.const 64)
    "\98\2f\8a\42\91\44\37\71\cf\fb\c0\b5\a5\db\b5\e9\5b\c2\56\39\f1\11\f1\59\a4\82\3f\92\d5\5e\1c\ab"
    "\98\aa\07\d8\01\5b\83\12\be\85\31\24\c3\7d\0c\55\74\5d\be\72\fe\b1\de\80\a7\06\dc\9b\74\f1\9b\c1"
    "\c1\69\9b\e4\86\47\be\ef\c6\9d\c1\0f\cc\a1\0c\24\6f\2c\e9\2d\aa\84\74\4a\dc\a9\b0\5c\da\88\f9\76"
    "\52\51\3e\98\6d\c6\31\a8\c8\27\03\b0\c7\7f\59\bf\f3\0b\e0\c6\47\91\a7\d5\51\63\ca\06\67\29\29\14"
    "\85\0a\b7\27\38\21\1b\2e\fc\6d\2c\4d\13\0d\38\53\54\73\0a\65\bb\0a\6a\76\2e\c9\c2\81\85\2c\72\92"
    "\a1\e8\bf\a2\4b\66\1a\a8\70\8b\4b\c2\a3\51\6c\c7\19\e8\92\d1\24\06\99\d6\85\35\0e\f4\70\a0\6a\10"
    "\16\c1\a4\19\08\6c\37\1e\4c\77\48\27\b5\bc\b0\34\b3\0c\1c\39\4a\aa\d8\4e\4f\ca\9c\5b\f3\6f\2e\68"
    "\ee\82\8f\74\6f\63\a5\78\14\78\c8\84\08\02\c7\8c\fa\ff\be\90\eb\6c\50\a4\f7\a3\f9\be\f2\78\71\c6")

  ;; Folds `blocks` 64-byte blocks, read from `input` on, into the state words.
  (func (export "compress") (param $blocks i32)
    (local $p i32) (local $i i32) (local $x i32) (local $y i32) (local $t1 i32) (local $t2 i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32)
    (local $e i32) (local $f i32) (local $g i32) (local $h i32)
    (local.set $p (i32.const 1024))
    (block $done
      (loop $block
        (br_if $done (i32.eqz (local.get $blocks)))

        ;; W[0..15]: the block's words, byte-swapped to big-endian order. $i counts bytes.
        (local.set $i (i32.const 0))
        (loop $load
          (local.set $x (i32.load (i32.add (local.get $p) (local.get $i))))
          (i32.store offset=512 (local.get $i)
            (i32.or
              (i32.and (i32.rotl (local.get $x) (i32.const 8)) (i32.const 0x00ff00ff))
              (i32.and (i32.rotr (local.get $x) (i32.const 8)) (i32.const 0xff00ff00))))
          (local.set $i (i32.add (local.get $i) (i32.const 4)))
          (br_if $load (i32.lt_u (local.get $i) (i32.const 64))))

        ;; W[16..63] = s1(W[i-2]) + W[i-7] + s0(W[i-15]) + W[i-16]; the offsets are 512 minus 8, 28, 60, 64.
        (loop $extend
          (local.set $x (i32.load offset=504 (local.get $i)))
          (local.set $y (i32.load offset=452 (local.get $i)))
          (i32.store offset=512 (local.get $i)
            (i32.add
              (i32.add
                (i32.xor
                  (i32.xor (i32.rotr (local.get $x) (i32.const 17)) (i32.rotr (local.get $x) (i32.const 19)))
                  (i32.shr_u (local.get $x) (i32.const 10)))
                (i32.load offset=484 (local.get $i)))
              (i32.add
                (i32.xor
                  (i32.xor (i32.rotr (local.get $y) (i32.const 7)) (i32.rotr (local.get $y) (i32.const 18)))
                  (i32.shr_u (local.get $y) (i32.const 3)))
                (i32.load offset=448 (local.get $i)))))
          (local.set $i (i32.add (local.get $i) (i32.const 4)))
          (br_if $extend (i32.lt_u (local.get $i) (i32.const 256))))

        (local.set $a (i32.load (i32.const 0)))
        (local.set $b (i32.load (i32.const 4)))
        (local.set $c (i32.load (i32.const 8)))
        (local.set $d (i32.load (i32.const 12)))
        (local.set $e (i32.load (i32.const 16)))
        (local.set $f (i32.load (i32.const 20)))
        (local.set $g (i32.load (i32.const 24)))
        (local.set $h (i32.load (i32.const 28)))

        ;; 64 rounds; Ch(e,f,g) as g ^ (e & (f ^ g)), Maj(a,b,c) as (a & b) | (c & (a | b)).
        (local.set $i (i32.const 0))
        (loop $round
          (local.set $t1
            (i32.add
              (i32.add
                (i32.add
                  (local.get $h)
                  (i32.xor
                    (i32.xor (i32.rotr (local.get $e) (i32.const 6)) (i32.rotr (local.get $e) (i32.const 11)))
                    (i32.rotr (local.get $e) (i32.const 25))))
                (i32.xor (local.get $g) (i32.and (local.get $e) (i32.xor (local.get $f) (local.get $g)))))
              (i32.add (i32.load offset=64 (local.get $i)) (i32.load offset=512 (local.get $i)))))
          (local.set $t2
            (i32.add
              (i32.xor
                (i32.xor (i32.rotr (local.get $a) (i32.const 2)) (i32.rotr (local.get $a) (i32.const 13)))
                (i32.rotr (local.get $a) (i32.const 22)))
              (i32.or
                (i32.and (local.get $a) (local.get $b))
                (i32.and (local.get $c) (i32.or (local.get $a) (local.get $b))))))
          (local.set $h (local.get $g))
          (local.set $g (local.get $f))
          (local.set $f (local.get $e))
          (local.set $e (i32.add (local.get $d) (local.get $t1)))
          (local.set $d (local.get $c))
          (local.set $c (local.get $b))
          (local.set $b (local.get $a))
          (local.set $a (i32.add (local.get $t1) (local.get $t2)))
          (local.set $i (i32.add (local.get $i) (i32.const 4)))
          (br_if $round (i32.lt_u (local.get $i) (i32.const 256))))

        (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (local.get $a)))
        (i32.store (i32.const 4) (i32.add (i32.load (i32.const 4)) (local.get $b)))
        (i32.store (i32.const 8) (i32.add (i32.load (i32.const 8)) (local.get $c)))
        (i32.store (i32.const 12) (i32.add (i32.load (i32.const 12)) (local.get $d)))
        (i32.store (i32.const 16) (i32.add (i32.load (i32.const 16)) (local.get $e)))
        (i32.store (i32.const 20) (i32.add (i32.load (i32.const 20)) (local.get $f)))
        (i32.store (i32.const 24) (i32.add (i32.load (i32.const 24)) (local.get $g)))
        (i32.store (i32.const 28) (i32.add (i32.load (i32.const 28)) (local.get $h)))

        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (local.set $blocks (i32.sub (local.get $blocks) (i32.const 1)))
        (br $block)))))
