/**
 * Environment the media service's Node process starts with. glibc reads it when the process loads, so it
 * cannot be set from inside: the Dockerfile sets the same, and the local stack, test setup and benchmarks
 * spread this into the child's environment (`npm run dev` lets a developer's own GLIBC_TUNABLES win). ffmpeg
 * and ffprobe inherit it.
 *
 * `glibc.malloc.hugetlb=1` lets malloc back its heap with transparent huge pages (where the kernel's THP mode
 * is `madvise` or `always`; elsewhere, or on an older glibc, it is ignored). Node copies every chunk of a
 * request body into a fresh buffer; on 4 KiB pages that meant about one page fault per 4 KiB received. It cut
 * the service's page faults about 3x and its time to receive a 48 MiB upload from 162 to 133 ms (bench:media).
 */
export const MEDIA_PROCESS_ENV = { GLIBC_TUNABLES: "glibc.malloc.hugetlb=1" } as const;
