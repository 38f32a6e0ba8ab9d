/**
 * sharp, loaded on first use with its process-wide settings. Loading it (libvips and its
 * format libraries) is a quarter of a second of CPU that a restart need not wait for: most
 * requests never touch an image, and the ones that do wait for it once.
 *
 * The settings are for a server that transforms on request. libvips' operation cache keeps
 * decoded images around for repeats, but every transform here is a new one (repeats come from
 * the derived-image cache), so it only holds memory. One libvips thread per transform: the work
 * queue already runs one transform per core, and more threads per image only add buffers (and
 * glibc arenas) without adding throughput.
 */
import type Sharp from 'sharp';

let loading: Promise<typeof Sharp> | undefined;

export function loadSharp(): Promise<typeof Sharp> {
  loading ??= import('sharp').then(({ default: sharp }) => {
    sharp.cache(false);
    sharp.concurrency(1);
    return sharp;
  });
  return loading;
}
