import QRCode from 'qrcode';

/** The dark modules of a QR code as rows of booleans; drawn by QrCode.tsx. */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const rows: boolean[][] = [];
  for (let y = 0; y < modules.size; y++) {
    const row: boolean[] = [];
    for (let x = 0; x < modules.size; x++) row.push(Boolean(modules.get(x, y)));
    rows.push(row);
  }
  return rows;
}
