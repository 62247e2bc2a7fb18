// The report as a Word document (.docx), made in the browser from the content the report page shows.
// report-tools.js loads this file only when the user presses 'Word document' on the report. Its fixed
// words are the interface's, looked up by key with the runtime's t() and plural() (page.js).
//
// A .docx file is a zip of XML parts (Office Open XML, ECMA-376 transitional). The zip here stores the
// parts without compression: every reader accepts stored entries, and a report is small.
// Word rejects elements out of the schema's order, so each builder below writes children in that order.
"use strict";

(function () {
  // The runtime is there whenever a report is, and report-tools.js loads this file only from a report.
  const { t, plural } = globalThis.toolkitRuntime;
  /** A sentence with some of its values formatted (bold, coloured): the runs of one paragraph. Strings
   * become plain runs; the values given as runs stay as they are. */
  const runs = (pieces) => [pieces].flat(Infinity).filter((piece) => piece !== "" && piece !== false)
    .map((piece) => (typeof piece === "string" || typeof piece === "number" ? { text: String(piece) } : piece));

  // ---- The zip container ----------------------------------------------------------------------------
  const crcTable = new Uint32Array(256).map((_, n) => {
    let c = n;
    for (let bit = 0; bit < 8; bit++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });

  function crc32(bytes) {
    let crc = 0xffffffff;
    for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  }

  /** Date and time in the two 16-bit MS-DOS fields a zip header holds. */
  function dosDateTime(date) {
    return {
      time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
      date: ((Math.max(date.getFullYear(), 1980) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
    };
  }

  /** A zip of stored entries: [{ name, data: Uint8Array }] -> Uint8Array. */
  function zip(entries, when) {
    const encoder = new TextEncoder();
    const stamp = dosDateTime(when);
    const files = entries.map((entry) => ({ name: encoder.encode(entry.name), data: entry.data, crc: crc32(entry.data) }));
    const size = files.reduce((sum, file) => sum + 30 + file.name.length + file.data.length + 46 + file.name.length, 22);
    const out = new Uint8Array(size);
    const view = new DataView(out.buffer);
    let at = 0;
    const u16 = (value) => { view.setUint16(at, value, true); at += 2; };
    const u32 = (value) => { view.setUint32(at, value, true); at += 4; };
    const bytes = (value) => { out.set(value, at); at += value.length; };
    // The fields a local header and a central directory entry share, from 'version needed' to 'name length'.
    const common = (file) => {
      u16(20); u16(0x0800); u16(0); // version 2.0, names in UTF-8, stored
      u16(stamp.time); u16(stamp.date);
      u32(file.crc); u32(file.data.length); u32(file.data.length);
      u16(file.name.length);
    };
    for (const file of files) {
      file.offset = at;
      u32(0x04034b50); common(file); u16(0); // no extra field
      bytes(file.name); bytes(file.data);
    }
    const directory = at;
    for (const file of files) {
      u32(0x02014b50); u16(20); common(file);
      u16(0); u16(0); u16(0); u16(0); u32(0); // no extra, no comment, disk 0, no attributes
      u32(file.offset);
      bytes(file.name);
    }
    const directorySize = at - directory;
    u32(0x06054b50); u16(0); u16(0); u16(files.length); u16(files.length);
    u32(directorySize); u32(directory); u16(0);
    return out;
  }

  // ---- XML -----------------------------------------------------------------------------------------
  // Characters XML 1.0 cannot hold at all (control characters, lone surrogates) are dropped.
  const notXML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

  function escape(text) {
    return String(text).replace(notXML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;")
      .replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const wordNamespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const relationshipNamespace = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

  // ---- Runs: text with bold, italic, code or a link -----------------------------------------------
  const colours = { "act-now": "942514", plan: "594D00", "keep-doing": "005A30" };

  function runXML(segment) {
    if (segment.lineBreak) return "<w:r><w:br/></w:r>";
    const properties = [
      segment.link && '<w:rStyle w:val="Hyperlink"/>',
      segment.code && '<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:cs="Consolas"/>',
      segment.bold && "<w:b/>",
      segment.italic && "<w:i/>",
      segment.colour && `<w:color w:val="${segment.colour}"/>`,
    ].filter(Boolean).join("");
    return `<w:r>${properties && `<w:rPr>${properties}</w:rPr>`}<w:t xml:space="preserve">${escape(segment.text)}</w:t></w:r>`;
  }

  /** Collapses white space the way a browser shows it, across the runs of one paragraph. */
  function tidy(segments) {
    const out = [];
    let afterSpace = true; // true at the start, so the paragraph's leading space goes
    for (const segment of segments) {
      if (segment.lineBreak) {
        if (out.length && !out[out.length - 1].lineBreak) out[out.length - 1].text = out[out.length - 1].text.replace(/ $/, "");
        out.push(segment);
        afterSpace = true;
        continue;
      }
      let text = segment.text.replace(/\s+/g, " ");
      if (afterSpace) text = text.replace(/^ /, "");
      if (!text) continue;
      out.push({ ...segment, text });
      afterSpace = text.endsWith(" ");
    }
    const last = out[out.length - 1];
    if (last && !last.lineBreak) last.text = last.text.replace(/ $/, "");
    return out.filter((segment) => segment.lineBreak || segment.text);
  }

  // ---- From the report's HTML to WordprocessingML ----------------------------------------------------
  const blockTags = new Set(["P", "DIV", "UL", "OL", "LI", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "PRE", "HR", "TABLE"]);
  const isBlock = (node) => node.nodeType === Node.ELEMENT_NODE && blockTags.has(node.tagName);

  function inlineFormat(element) {
    switch (element.tagName) {
      case "STRONG": case "B": return { bold: true };
      case "EM": case "I": return { italic: true };
      case "CODE": case "KBD": case "SAMP": return { code: true };
      case "A": {
        // Only addresses that mean something away from this site become links: the glossary's
        // relative links are kept as their words.
        const href = element.getAttribute("href") || "";
        return /^(https?:|mailto:)/i.test(href) ? { link: href } : {};
      }
      default: return {};
    }
  }

  function segmentsOf(nodes, format) {
    const out = [];
    for (const node of nodes) {
      if (node.nodeType === Node.TEXT_NODE) out.push({ ...format, text: node.data });
      else if (node.nodeType === Node.ELEMENT_NODE && node.tagName === "BR") out.push({ lineBreak: true });
      else if (node.nodeType === Node.ELEMENT_NODE) out.push(...segmentsOf(node.childNodes, { ...format, ...inlineFormat(node) }));
    }
    return out;
  }

  /** A Word document being written: its body, its hyperlinks and its numbered lists. */
  class WordDocument {
    constructor() {
      this.body = [];
      this.links = new Map(); // address -> relationship id
      this.orderedLists = 0;
    }

    linkID(address) {
      let normalised;
      try {
        normalised = new URL(address).href;
      } catch {
        return null;
      }
      // rId1 to rId4 are the styles, the numbering, the header and the footer.
      if (!this.links.has(normalised)) this.links.set(normalised, `rId${this.links.size + 5}`);
      return this.links.get(normalised);
    }

    /** Runs, with consecutive runs of one link gathered into a w:hyperlink. */
    inlineXML(segments) {
      let xml = "";
      let index = 0;
      const tidied = tidy(segments);
      while (index < tidied.length) {
        const link = tidied[index].link;
        const id = link && this.linkID(link);
        if (!id) {
          xml += runXML({ ...tidied[index], link: null });
          index += 1;
          continue;
        }
        let runs = "";
        while (index < tidied.length && tidied[index].link === link) runs += runXML(tidied[index++]);
        xml += `<w:hyperlink r:id="${id}" w:history="1">${runs}</w:hyperlink>`;
      }
      return xml;
    }

    paragraph(segments, { style, keepNext, list, indent, align, box } = {}) {
      const line = '<w:top w:val="single" w:sz="4" w:space="4" w:color="B1B4B6"/><w:left w:val="single" w:sz="4" w:space="4" w:color="B1B4B6"/>' +
        '<w:bottom w:val="single" w:sz="4" w:space="4" w:color="B1B4B6"/><w:right w:val="single" w:sz="4" w:space="4" w:color="B1B4B6"/>';
      const properties = [
        style && `<w:pStyle w:val="${style}"/>`,
        keepNext && "<w:keepNext/>",
        box && `<w:pBdr>${line}</w:pBdr><w:spacing w:before="120" w:after="240"/>`,
        list && `<w:numPr><w:ilvl w:val="${list.level}"/><w:numId w:val="${list.id}"/></w:numPr>`,
        indent && `<w:ind w:left="${indent}"/>`,
        align && `<w:jc w:val="${align}"/>`,
      ].filter(Boolean).join("");
      this.body.push(`<w:p>${properties && `<w:pPr>${properties}</w:pPr>`}${this.inlineXML(segments)}</w:p>`);
    }

    text(text, options) {
      this.paragraph([{ text }], options);
    }

    heading(level, text) {
      this.text(text, { style: `Heading${Math.min(level, 6)}` });
    }

    /** Trusted HTML from the build: paragraphs, headings (h2 becomes `headingLevel`), lists, bold, links. */
    html(html, headingLevel) {
      // A template's content is inert: nothing in it loads or runs.
      const template = document.createElement("template");
      template.innerHTML = html;
      this.blocks(template.content.childNodes, { headingLevel, indent: 0 });
    }

    blocks(nodes, context) {
      let loose = []; // inline content outside any block element gets a paragraph of its own
      const flush = () => {
        if (loose.some((node) => node.textContent.trim())) this.paragraph(segmentsOf(loose, {}), { indent: context.indent });
        loose = [];
      };
      for (const node of nodes) {
        if (!isBlock(node)) {
          loose.push(node);
          continue;
        }
        flush();
        this.block(node, context);
      }
      flush();
    }

    block(element, context) {
      const tag = element.tagName;
      if (/^H[1-6]$/.test(tag)) this.paragraph(segmentsOf(element.childNodes, {}), { style: `Heading${Math.min(context.headingLevel + Number(tag[1]) - 2, 6)}` });
      else if (tag === "UL" || tag === "OL") this.list(element, context, 0);
      else if (tag === "BLOCKQUOTE") this.blocks(element.childNodes, { ...context, indent: context.indent + 720 });
      else if (tag === "PRE") {
        for (const line of element.textContent.replace(/\n$/, "").split("\n")) {
          this.paragraph([{ text: line.replace(/ /g, "\u00a0"), code: true }], { indent: context.indent });
        }
      } else if (tag === "HR" || tag === "TABLE") {
        // Neither appears in the toolkit's content; a table's words are kept as one paragraph.
        if (tag === "TABLE") this.paragraph(segmentsOf(element.childNodes, {}), { indent: context.indent });
      } else if (tag === "P" || tag === "LI") this.paragraph(segmentsOf(element.childNodes, {}), { indent: context.indent });
      else this.blocks(element.childNodes, context);
    }

    list(element, context, level) {
      const id = element.tagName === "OL" ? this.newOrderedList() : 1;
      for (const item of element.children) {
        if (item.tagName === "LI") this.listItem(item, context, { id, level: Math.min(level, 2) });
      }
    }

    /** One list item: its first paragraph carries the number or bullet, later ones are indented under it. */
    listItem(item, context, list) {
      let numbered = false;
      const paragraph = (segments) => {
        this.paragraph(segments, numbered ? { style: "ListParagraph", indent: 720 * (list.level + 1) } : { style: "ListParagraph", list });
        numbered = true;
      };
      let loose = [];
      const flush = () => {
        if (loose.some((node) => node.textContent.trim())) paragraph(segmentsOf(loose, {}));
        loose = [];
      };
      for (const node of item.childNodes) {
        if (!isBlock(node)) {
          loose.push(node);
          continue;
        }
        flush();
        if (node.tagName === "UL" || node.tagName === "OL") this.list(node, context, list.level + 1);
        else if (node.tagName === "P") paragraph(segmentsOf(node.childNodes, {}));
        else this.block(node, { ...context, indent: 720 * (list.level + 1) });
      }
      flush();
      if (!numbered) paragraph([]);
    }

    newOrderedList() {
      this.orderedLists += 1;
      return this.orderedLists + 1; // numId 1 is the bullets; each numbered list restarts at 1
    }

    /** A table with a header row; `rows` are arrays of cell text; `height` makes empty rows tall enough to write in;
     * `shades[column](row, index)` gives a cell's text colour. */
    table(widths, header, rows, { height, numeric, shades } = {}) {
      const cell = (width, text, { bold, shade, right, colour } = {}) => {
        const shading = shade ? '<w:shd w:val="clear" w:color="auto" w:fill="F3F2F1"/>' : "";
        const content = text ? this.inlineXML([{ text, bold: bold || !!colour, colour }]) : "";
        const paragraph = right ? '<w:p><w:pPr><w:jc w:val="right"/></w:pPr>' : "<w:p>";
        return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shading}</w:tcPr>${paragraph}${content}</w:p></w:tc>`;
      };
      const heading = `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${header.map((text, column) =>
        cell(widths[column], text, { bold: true, shade: true, right: numeric && column > 0 })).join("")}</w:tr>`;
      const body = rows.map((row, index) => `<w:tr><w:trPr><w:cantSplit/>${height ? `<w:trHeight w:val="${height}"/>` : ""}</w:trPr>${
        row.map((text, column) => cell(widths[column], text, { bold: numeric && column === 0, right: numeric && column > 0,
          colour: shades && shades[column] && shades[column](row, index) })).join("")}</w:tr>`).join("");
      this.body.push(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/></w:tblPr>` +
        `<w:tblGrid>${widths.map((width) => `<w:gridCol w:w="${width}"/>`).join("")}</w:tblGrid>${heading}${body}</w:tbl>`);
    }

    documentXML() {
      // A4 with 2.54 cm margins: 9026 twips of text width, which the tables fill.
      return `${declaration}<w:document ${wordNamespace} ${relationshipNamespace}><w:body>${this.body.join("")}` +
        '<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:footerReference w:type="default" r:id="rId4"/>' +
        '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" ' +
        'w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>';
    }

    relationshipsXML() {
      const links = [...this.links].map(([address, id]) =>
        `<Relationship Id="${id}" Type="${relationshipType}hyperlink" Target="${escape(address)}" TargetMode="External"/>`);
      return `${declaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${relationshipType}styles" Target="styles.xml"/>` +
        `<Relationship Id="rId2" Type="${relationshipType}numbering" Target="numbering.xml"/>` +
        `<Relationship Id="rId3" Type="${relationshipType}header" Target="header1.xml"/>` +
        `<Relationship Id="rId4" Type="${relationshipType}footer" Target="footer1.xml"/>${links.join("")}</Relationships>`;
    }

    numberingXML() {
      const bullets = ["\u2022", "\u25e6", "\u25aa"];
      const numbers = ["decimal", "lowerLetter", "lowerRoman"];
      const level = (index, format, text) => `<w:lvl w:ilvl="${index}"><w:start w:val="1"/><w:numFmt w:val="${format}"/>` +
        `<w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${720 * (index + 1)}" w:hanging="360"/></w:pPr></w:lvl>`;
      const abstract = (id, levels) => `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="hybridMultilevel"/>${levels.join("")}</w:abstractNum>`;
      let nums = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
      for (let list = 1; list <= this.orderedLists; list++) {
        nums += `<w:num w:numId="${list + 1}"><w:abstractNumId w:val="1"/>` +
          '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>';
      }
      return `${declaration}<w:numbering ${wordNamespace}>` +
        abstract(0, bullets.map((bullet, index) => level(index, "bullet", bullet))) +
        abstract(1, numbers.map((format, index) => level(index, format, `%${index + 1}.`))) +
        `${nums}</w:numbering>`;
    }
  }

  // ---- The fixed parts: styles, content types, relationships, properties -------------------------
  function stylesXML(language) {
    const sizes = [36, 30, 26, 24, 22, 22];
    const headings = sizes.map((size, index) =>
      `<w:style w:type="paragraph" w:styleId="Heading${index + 1}"><w:name w:val="heading ${index + 1}"/>` +
      '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>' +
      `<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="${index < 2 ? 360 : 240}" w:after="120"/><w:outlineLvl w:val="${index}"/></w:pPr>` +
      `<w:rPr><w:b/><w:bCs/>${index === 5 ? "<w:i/><w:iCs/>" : ""}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr></w:style>`).join("");
    const border = (side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/>`;
    return `${declaration}<w:styles ${wordNamespace}>` +
      '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:eastAsia="Arial" w:hAnsi="Arial" w:cs="Arial"/>' +
      `<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="${escape(language)}" w:eastAsia="${escape(language)}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
      '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
      '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>' +
      '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
      '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>' +
      '<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>' +
      '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>' +
      '<w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr>' +
      '<w:rPr><w:b/><w:bCs/><w:sz w:val="48"/><w:szCs w:val="48"/></w:rPr></w:style>' +
      headings +
      '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>' +
      '<w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/></w:pPr></w:style>' +
      '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/>' +
      '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="1D70B8"/><w:u w:val="single"/></w:rPr></w:style>' +
      '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>' +
      `<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders>${
        ["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("")}</w:tblBorders></w:tblPr></w:style>` +
      "</w:styles>";
  }

  function contentTypesXML() {
    const main = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    return `${declaration}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/word/document.xml" ContentType="${main}document.main+xml"/>` +
      `<Override PartName="/word/styles.xml" ContentType="${main}styles+xml"/>` +
      `<Override PartName="/word/numbering.xml" ContentType="${main}numbering+xml"/>` +
      `<Override PartName="/word/header1.xml" ContentType="${main}header+xml"/>` +
      `<Override PartName="/word/footer1.xml" ContentType="${main}footer+xml"/>` +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      "</Types>";
  }

  function packageRelationshipsXML() {
    return `${declaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${relationshipType}officeDocument" Target="word/document.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" ' +
      'Target="docProps/core.xml"/></Relationships>';
  }

  /** Title and dates. The author is the toolkit: nothing about the user goes into the file. */
  function corePropertiesXML(report) {
    const created = report.created.replace(/\.\d+Z$/, "Z");
    return `${declaration}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:title>${escape(report.title)}</dc:title>` +
      `<dc:subject>${escape(t("docx.subject", { toolkit: report.toolkitTitle, version: report.version }))}</dc:subject>` +
      `<dc:creator>${escape(report.toolkitTitle)}</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>` +
      "</cp:coreProperties>";
  }

  // ---- Header and footer: the marking, the project, and 'Page X of Y' on every page -----------------
  const centred = (runs) => `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${runs}</w:p>`;
  const plainRun = (text, bold) => runXML({ text, bold });
  /** A field Word fills in as it lays out the pages (PAGE, NUMPAGES), with a value shown until it does. */
  const field = (code, shown) => `<w:fldSimple w:instr=" ${code} "><w:r><w:t>${shown}</w:t></w:r></w:fldSimple>`;

  function headerXML(report) {
    const project = report.project || {};
    const about = [project.name && t("docx.header-project", { name: project.name }),
      project.author && t("docx.header-author", { name: project.author })].filter(Boolean).join(". ");
    const title = t("docx.header-title", { title: report.title, date: report.made });
    return `${declaration}<w:hdr ${wordNamespace} ${relationshipNamespace}>` +
      (project.marking ? centred(plainRun(project.marking, true)) : "") +
      centred(plainRun(about ? `${about}. ${title}` : title)) +
      "</w:hdr>";
  }

  function footerXML(report) {
    const marking = (report.project || {}).marking;
    return `${declaration}<w:ftr ${wordNamespace} ${relationshipNamespace}>` +
      centred(runs(t("docx.page-of", { page: { field: "PAGE" }, pages: { field: "NUMPAGES" } }))
        .map((run) => (run.field ? field(run.field, "1") : plainRun(run.text))).join("")) +
      (marking ? centred(plainRun(marking, true)) : "") +
      "</w:ftr>";
  }

  // ---- The report ------------------------------------------------------------------------------------
  function writeReport(report, doc) {
    doc.text(report.title, { style: "Title" });
    const project = report.project || {};
    if (project.name) doc.paragraph([{ text: `${t("docx.project-label")} `, bold: true }, { text: project.name }]);
    if (project.author) doc.paragraph([{ text: `${t("docx.author-label")} `, bold: true }, { text: project.author }]);
    doc.text([t("report.made", { date: report.made }), t("report.made-print", { toolkit: report.toolkitTitle, version: report.version }),
      report.track && t("report.log.rules", { track: report.track })].filter(Boolean).join(" "));
    if (report.notice) doc.paragraph([{ text: report.notice, bold: true }]);
    writeSummary(report, doc);
    if (report.changes) writeChanges(report.changes, doc);
    writeActionLog(report, doc);
    for (const part of report.parts) {
      doc.heading(1, part.caption);
      for (const question of part.questions) {
        doc.heading(2, question.text);
        doc.paragraph([{ text: `${t("report.your-answer")} `, bold: true }, { text: question.answer }]);
        for (const item of question.guidance) writeGuidance(item, doc, report);
      }
    }
    doc.heading(1, t("report.about"));
    doc.html(report.disclaimers, 2);
  }

  function writeSummary(report, doc) {
    doc.heading(1, t("report.summary.heading"));
    if (report.rules) {
      const reasons = report.rules.reasons.map((reason, index) => [index > 0 ? "; " : "",
        runs(t("report.summary.reason", { answer: { text: reason.answer, bold: true }, question: reason.question }))]);
      doc.paragraph(runs(t("docx.rules", { track: report.rules.track, reasons })));
      if (report.rules.ifUnsure) doc.paragraph([{ text: `${t("report.summary.unsure")} `, bold: true }, { text: report.rules.ifUnsure }]);
    }
    for (const priority of report.priorities) {
      const count = report.actions.filter((item) => item.priority === priority.id).length;
      doc.paragraph([{ text: `${priority.label}: `, bold: true, colour: colours[priority.id] },
        { text: plural("report.actions", count), bold: true }, { text: priority.meaning ? `. ${priority.meaning}` : "" }],
      { style: "ListParagraph", list: { id: 1, level: 0 } });
    }
    if (report.unsureCount > 0) doc.text(plural("docx.unsure-count", report.unsureCount));
  }

  /** What changed since the user's last report, under an earlier content version. */
  function writeChanges(changes, doc) {
    const total = changes.added + changes.changed + changes.gone.length;
    doc.heading(2, total === 0 ? t("report.changes.none", { date: changes.since })
      : plural("docx.changes-heading", total, { date: changes.since }));
    doc.text(t("docx.changes-body", { oldVersion: changes.version, added: changes.added, changed: changes.changed, gone: changes.gone.length }));
    for (const headline of changes.gone) {
      doc.paragraph([{ text: t("docx.changes-gone", { headline }) }], { style: "ListParagraph", list: { id: 1, level: 0 } });
    }
  }

  /** One table of every action, 'Act now' first, with columns for the meeting to fill in. */
  function writeActionLog(report, doc) {
    doc.heading(1, t("report.log.heading"));
    doc.text(t("docx.log-intro"));
    doc.table([2650, 1700, 1300, 1176, 1000, 1200],
      [t("docx.log-action"), t("docx.log-part"), t("docx.log-priority"), t("docx.log-owner"), t("docx.log-due"), t("docx.log-status")],
      report.actions.map((item) => [item.change ? t(`docx.log-change.${item.change}`, { headline: item.headline }) : item.headline, item.part,
        item.priorityLabel, "", "", ""]),
      { shades: [null, null, (row, index) => colours[report.actions[index].priority]] });
  }

  /** One piece of advice: its headline, priority and body, its links, and a box for the user's notes. */
  function writeGuidance(item, doc) {
    doc.heading(3, item.headline);
    doc.paragraph([{ text: `${t("docx.priority-label")} `, bold: true }, { text: item.priorityLabel, bold: true, colour: colours[item.priority] },
      ...(item.changeLabel ? [{ text: `. ${item.changeLabel}`, bold: true }] : [])]);
    doc.html(item.html, 4);
    if (item.links.length > 0) {
      doc.text(t("docx.find-out-more"), { keepNext: true });
      for (const link of item.links) doc.paragraph([{ text: link.title, link: link.url }], { style: "ListParagraph", list: { id: 1, level: 0 } });
    }
    doc.paragraph([{ text: t("docx.notes"), bold: true }, { lineBreak: true }, { text: " " }, { lineBreak: true }, { text: " " }], { box: true });
  }

  /** The report (report.js's reportContent) as the bytes of a .docx file. */
  function build(report) {
    const doc = new WordDocument();
    writeReport(report, doc);
    const encoder = new TextEncoder();
    const parts = [
      ["[Content_Types].xml", contentTypesXML()],
      ["_rels/.rels", packageRelationshipsXML()],
      ["word/document.xml", doc.documentXML()],
      ["word/styles.xml", stylesXML(t("language.tag"))],
      ["word/numbering.xml", doc.numberingXML()],
      ["word/header1.xml", headerXML(report)],
      ["word/footer1.xml", footerXML(report)],
      ["word/_rels/document.xml.rels", doc.relationshipsXML()],
      ["docProps/core.xml", corePropertiesXML(report)],
    ];
    return zip(parts.map(([name, xml]) => ({ name, data: encoder.encode(xml) })), new Date(report.created));
  }

  globalThis.toolkitDocx = { build };
})();
