"""Pack a hand-written XML into an ``.xsb`` file, independently of Zorko's writer.

    python tests/declarations/pack_xml.py справка.xml справка.xsb

Follows the format description only: a 6-character header, then base64 of
the XML in UTF-32LE (here with a byte-order mark, as Windows tools write).
"""

import base64
import sys


def pack(xml_text: str) -> bytes:
    payload = base64.encodebytes(("\ufeff" + xml_text).encode("utf-32-le"))  # with line breaks every 76
    return b"SPRBK1" + payload


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "wb") as out:
        out.write(pack(src.read()))
