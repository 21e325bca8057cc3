"""The letters names are written with, beyond ASCII."""

#: For a regex character class: the capital letters names start with, ASCII and the accented ones of the Latin
#: alphabets (Latin-1 Supplement, Latin Extended-A and -B: "Ángela", "Özil", "Šefčovič", "Đukanović").
CAPITALS = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper())
