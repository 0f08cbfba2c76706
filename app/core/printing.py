"""The print page every A4 通报 shares (the weekly bulletin, a campaign's report).

The packaged CJK font is served at /api/bulletin/font.otf (app.stats.views).
"""

# GB/T 9704 (党政机关公文格式) in spirit: red issuer, red rule, 文号, centred title, body in
# FangSong where the computer has it; the packaged CJK font is the fallback everywhere else,
# so the page prints correctly on a machine with no Chinese fonts installed.
PRINT_CSS = """
@font-face { font-family: "RoadChief CJK"; src: url("/api/bulletin/font.otf") format("opentype"); }
@page { size: A4 portrait; margin: 22mm 18mm 20mm 18mm; }
* { box-sizing: border-box; }
body { font-family: "FangSong", "仿宋_GB2312", "仿宋", "STFangsong", "RoadChief CJK", serif;
       color: #000; font-size: 12pt; line-height: 1.65; margin: 0; }
.sans, table, h2, .issuer, h1 { font-family: "SimHei", "黑体", "Microsoft YaHei", "PingFang SC",
       "RoadChief CJK", sans-serif; }
.issuer { color: #d40000; text-align: center; font-size: 24pt; font-weight: 700;
          letter-spacing: 1pt; line-height: 1.3; margin: 4mm 0 6mm; }
.docno { text-align: center; font-size: 12pt; }
.draft { color: #777; }
.rule { border: 0; border-top: 1.5pt solid #d40000; margin: 2mm 0 7mm; }
h1 { font-size: 17pt; text-align: center; margin: 0 0 6mm; line-height: 1.4; }
p { margin: 0 0 2mm; text-indent: 2em; text-align: justify; }
p.addressee { text-indent: 0; }
h2 { font-size: 13pt; margin: 5mm 0 2mm; font-weight: 700; break-after: avoid; }
h3 { font-size: 12pt; margin: 3mm 0 1.5mm; font-weight: 700; break-after: avoid; }
table { width: 100%; border-collapse: collapse; font-size: 8pt; line-height: 1.3;
        page-break-inside: auto; margin-bottom: 2mm; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { border: 0.5pt solid #555; padding: 0.8mm 0.6mm; text-align: center; }
th { background: #eef3f9; font-weight: 700; word-break: keep-all; }
td { white-space: nowrap; }
td.name { text-align: left; white-space: normal; min-width: 30mm; }
tr.bottom td { background: #fce4d6; }
.tag { color: #c00000; font-weight: 700; }
.signature { text-align: right; margin: 10mm 4em 8mm 0; line-height: 1.8; }
.colophon { border-top: 0.75pt solid #000; border-bottom: 0.75pt solid #000; padding: 1.5mm 0;
            font-size: 11pt; page-break-inside: avoid; }
.colophon div { display: flex; justify-content: space-between; }
.rules { color: #333; font-size: 8.5pt; line-height: 1.5; margin-top: 4mm; text-indent: 0; }
@media screen { body { max-width: 210mm; margin: 10mm auto; padding: 0 18mm; } }
"""
