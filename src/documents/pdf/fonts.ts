import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Noto Serif SC (OFL) from the npm package @expo-google-fonts/noto-serif-sc: complete Simplified Chinese TTFs that
 * `npm install` brings, so PDF export needs no system font (decision 009). pdfkit embeds only the glyphs used.
 * The files are ~15 MB each: read once per process.
 */
const FILES = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
} as const;

export type FontName = keyof typeof FILES;

/** The two font files' bytes, read once (bounded by FontName: two entries). */
const fontFileBytes = new Map<FontName, Buffer>();

export function fontBytes(name: FontName): Buffer {
  let bytes = fontFileBytes.get(name);
  if (!bytes) {
    try {
      bytes = readFileSync(createRequire(import.meta.url).resolve(FILES[name]));
    } catch (error) {
      // An installation fault, not the user's: no AppError code fits, so it surfaces as an internal error.
      throw new Error(`缺少 PDF 所需的中文字体 ${FILES[name]}，请运行 npm install（${(error as Error).message}）`, {
        cause: error,
      });
    }
    fontFileBytes.set(name, bytes);
  }
  return bytes;
}
