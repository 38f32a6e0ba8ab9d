/**
 * sharp's process-wide settings for a server that transforms on request. libvips' operation
 * cache keeps decoded images around for repeats, but every transform here is a new one (repeats
 * come from the derived-image cache), so it only holds memory. One libvips thread per transform:
 * the work queue already runs one transform per core, and more threads per image only add
 * buffers (and glibc arenas) without adding throughput.
 */
import sharp from 'sharp';

let configured = false;

export function configureSharp() {
  if (configured) return;
  configured = true;
  sharp.cache(false);
  sharp.concurrency(1);
}
