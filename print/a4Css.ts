/** A4 documents: the registration form, decline notice and redirect guidance. */
export const a4Css = `
@page { size: A4; margin: 18mm 16mm 16mm; }
body { font-size: 11pt; line-height: 1.5; }
.head { text-align: center; margin-bottom: 4mm; }
.head .org { font-size: 14pt; font-weight: 700; display: inline-flex; align-items: center; gap: 2mm; }
.head h1 { font-size: 19pt; margin: 2mm 0; }
.head h1:lang(zh) { letter-spacing: 0.3em; }
.meta { display: flex; justify-content: space-between; margin-bottom: 2mm; }
table.form { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.form th, table.form td { border: 1px solid #000; padding: 1.6mm 2mm; vertical-align: top; text-align: left; word-break: break-all; }
table.form th { width: 26mm; font-weight: 600; background: #f2f2f2; }
.long { min-height: 30mm; white-space: pre-wrap; }
.signatures { display: flex; justify-content: space-between; margin-top: 12mm; gap: 10mm; }
.signatures div { flex: 1; }
.line { display: inline-block; border-bottom: 1px solid #000; min-width: 40mm; height: 7mm; vertical-align: bottom; }
.letter p { margin: 0 0 3mm; text-indent: 2em; }
.letter p.noindent { text-indent: 0; }
.closing { margin-top: 14mm; text-align: right; }
ol { margin: 0 0 3mm; padding-left: 6mm; }
@media screen { body { padding: 10mm 12mm; } }
`;
