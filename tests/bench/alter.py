"""One copy of a seed article with its firms renamed, its places swapped and its numbers moved.

Copies must neither merge nor corroborate one another, yet read like the seeds: every firm's
distinctive words get made-up pinyin words of the copy's own, every prefecture and county
becomes another real one of the same province (a county goes with its prefecture), so regions
are still found, and each number is scaled by 1.0101^k (percentages divided by it), so two
copies' values always differ by more than corroboration's 1% tolerance. Years, dates and
ordinals are left alone.
"""
from __future__ import annotations

import math
import random
import re

SYLLABLES = (
    "ba bai ben bin bo cai can cang cen chang chao chen cheng chi chong chu chuan chun cong cui "
    "dai dan dang deng dian ding dong duan dun fan fang fei fen feng fu gan gang gao gong guan "
    "guang gui guo han hang hao heng hong hou hua huai huan huang hui huo jia jian jiang jiao jie "
    "jin jing jiu juan jun kai kang kong kuan kun lai lan lang lei lian liang lin ling liu long "
    "lou luan lun luo mai man mao mei meng mian miao min ming mu nan neng nian ning nong pan pang "
    "pei peng ping pu qian qiang qiao qin qing qiu quan qun rao ren rong rui run sai sang sen "
    "shan shang shao shen sheng shou shuang shun song sui sun suo tai tan tang tao teng tian "
    "tiao ting tong tuan wan wang wei wen weng xia xian xiang xiao xie xin xing xiong xiu xuan "
    "xue xun yan yang yao yin ying yong yuan yue yun zan zang zeng zhai zhan zhang zhao zhen "
    "zheng zhong zhou zhuan zhuang zhun zhuo zong zou zuan zun").split()
STEP = 1.0101  # > 1% apart: corroboration's tolerance
CYCLE = 700  # copies before factors repeat (STEP**700 ≈ 1,150: values stay below 1e18)
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
_DATES = re.compile(rf"{_MONTH}\s+(?:\d{{1,2}}(?!\d)(?:,\s*\d{{4}})?|\d{{4}})|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"
                    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?|\d{4}年\d{1,2}月\d{1,2}日")
_NUMBER = re.compile(r"(?<![\w.,/-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w]|[.,]\d)(\s*%| percent)?")


class NameMaker:
    """Made-up pinyin words (two or three syllables), never the same twice, never a real place."""

    def __init__(self, taken: set[str], seed: int = 13):
        self.rng = random.Random(seed)
        self.taken = {t.lower() for t in taken}

    def word(self, like: str) -> str:
        """A new word shaped like `like`: capitalised, or capitals for an acronym."""
        while True:
            if like.isupper():
                new = "".join(self.rng.choice("ABCDEFGHJKLMNPQRSTWXYZ") for _ in range(max(3, len(like))))
            else:
                n = 2 if self.rng.random() < 0.5 else 3
                new = "".join(self.rng.choice(SYLLABLES) for _ in range(n)).capitalize()
            if new.lower() not in self.taken:
                self.taken.add(new.lower())
                return new


def scale_number(match: re.Match, factor: float) -> str:
    """A number scaled by `factor` (a percentage divided by it), to four significant digits."""
    whole, decimals, percent = match.group(1), match.group(2) or "", match.group(3) or ""
    value = float(whole.replace(",", "") + decimals)
    if not decimals and "," not in whole and (1900 <= value <= 2100 or value == 0):
        return match.group(0)  # a year (kept: periods must still resolve), or nothing to scale
    new = value / factor if percent else value * factor
    digits = max(0, 3 - math.floor(math.log10(new))) if new > 0 else 0
    text = f"{new:,.{digits}f}" if "," in whole else f"{new:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text + percent


def move_numbers(text: str, factor: float) -> str:
    """Every number outside dates and times scaled by `factor`."""
    out, pos = [], 0
    for date in [*_DATES.finditer(text), None]:
        end = date.start() if date else len(text)
        out.append(_NUMBER.sub(lambda m: scale_number(m, factor), text[pos:end]))
        if date:
            out.append(date.group(0))
            pos = date.end()
    return "".join(out)


class Alteration:
    """Copy number `copy` of any text: names replaced as `names` says (one pass), numbers moved."""

    def __init__(self, copy: int, names: dict[str, str]):
        self.copy, self.names = copy, names
        self.factor = STEP ** (copy % CYCLE or CYCLE)
        self.pattern = re.compile(r"(?<![A-Za-z])(?:" + "|".join(
            re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![A-Za-z])") if names else None

    def __call__(self, text: str) -> str:
        """The altered text (copy 0 is the original)."""
        if self.copy == 0:
            return text
        if self.pattern is not None:
            text = self.pattern.sub(lambda m: self.names[m.group(0)], text)
        return move_numbers(text, self.factor)
