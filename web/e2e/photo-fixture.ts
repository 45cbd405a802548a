import sharp from 'sharp';

/** Degrees → an EXIF rational triple "d/1 m/1 s*100/100". */
function dms(deg: number): string {
  const abs = Math.abs(deg);
  const d = Math.floor(abs);
  const m = Math.floor((abs - d) * 60);
  const s = Math.round(((abs - d) * 60 - m) * 60 * 100);
  return `${d}/1 ${m}/1 ${s}/100`;
}

/**
 * A phone-camera-like JPEG made on the fly: 2000×1500 with a pattern, EXIF maker, model, owner
 * and the GPS position given — what the server must read (the position) and strip (all of it).
 */
export async function cameraJpeg(gps: { lat: number; long: number }): Promise<Buffer> {
  const stripes = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="1500">
      <rect width="2000" height="1500" fill="#6b7b5a"/>
      <ellipse cx="1000" cy="800" rx="420" ry="220" fill="#3b3b38"/>
      <rect y="1100" width="2000" height="400" fill="#8c8c86"/>
    </svg>`,
  );
  return sharp(stripes)
    .jpeg({ quality: 85 })
    .withExif({
      IFD0: { Make: 'MayAnhE2E', Model: 'PA-E2E', Artist: 'Nguoi Chup Anh' },
      IFD3: {
        GPSLatitudeRef: gps.lat >= 0 ? 'N' : 'S',
        GPSLatitude: dms(gps.lat),
        GPSLongitudeRef: gps.long >= 0 ? 'E' : 'W',
        GPSLongitude: dms(gps.long),
      },
    })
    .toBuffer();
}
