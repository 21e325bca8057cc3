"""Recognition: the grammar of time expressions as a few compiled regexes over the token classes of
:mod:`lexicon`, and the choice of non-overlapping spans (leftmost, then longest, then rule priority).

Each rule names its normaliser in :mod:`normalise` (same name). Every pattern starts at a word boundary and
uses bounded repetition only, so the cost stays linear in the text (no catastrophic backtracking).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..regex_cache import compile_cached
from .lexicon import MONTHS, PARTS_OF_DAY, SEASONS, UNIT_PLURALS, UNITS, WEEKDAYS
from .lexicon import (AMPM_RE, ERA_RE, CLOCKWORD_RE, HY, MONTH_RE, NUMBER_RE, NUMWORD_RE, ORDINAL_RE, POD_RE,
                      SEASON_RE, SP, TZ_RE, UNIT_RE, VAGUE_RE, WEEKDAY_RE)

_B = r"(?<![\w'’])(?=[a-z0-9'’])"   # start of a word (no letters, digits or apostrophe before it)
_E = r"(?![\w])"                    # end of a word
POSMOD = (r"(?:(?P<pmod>early|late|mid|(?:the" + SP + r")?(?:beginning|start|middle|end|close|early" + SP
          + r"part|latter" + SP + r"part|(?:first|second|last|latter)" + SP + r"half)" + SP + r"of(?:" + SP + r"the)?)(?:" + SP
          + r"|-))?")
QMOD = (r"(?:(?P<qmod>about|around|roughly|approximately|some|nearly|almost|less" + SP + r"than|fewer" + SP
        + r"than|up" + SP + r"to|no" + SP + r"more" + SP + r"than|at" + SP + r"most|more" + SP + r"than|over(?!\s+the\b)|"
        r"just" + SP + r"over|just" + SP + r"under|well" + SP + r"over|at" + SP + r"least|under|only|just)"
        + SP + r")?")
YEAR = r"(?:1[0-9]\d\d|20\d\d)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])"
REL = (r"(?:(?:that|this)" + SP + r"same|this|last|next|past|previous|coming|current|following|that|same|latest|prior|"
       r"the" + SP + r"(?:previous|next|following|past|last|coming|current|same|latest|prior|preceding|"
       r"present))")


class Rule:
    """A grammar rule. Its regex is compiled on first use: most texts need only some of the rules, and compiling
    all of them up front would cost the app's start-up tens of milliseconds."""
    __slots__ = ("name", "pattern", "priority", "_regex")

    def __init__(self, name: str, pattern: str, priority: int = 0) -> None:
        self.name = name
        self.pattern = pattern
        self.priority = priority     # breaks ties between equally long candidates
        self._regex: Optional[re.Pattern] = None

    @property
    def regex(self) -> re.Pattern:
        if self._regex is None:
            self._regex = compile_cached(self.pattern, re.I)
        return self._regex


def _rule(name: str, pattern: str, priority: int = 0) -> Rule:
    return Rule(name, pattern, priority)


RULES: list[Rule] = [
    _rule("iso_date", _B + r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2}))?(?![\d-])", 5),
    _rule("slash_date", _B + r"(?P<mo>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])", 4),
    # Sept. 13 / September 13, 2022 / Tuesday, Oct. 26 / Monday Sept. 12th
    _rule("month_day", _B + r"(?:the" + SP + r"(?P<podof>night|morning|afternoon|evening)" + SP + r"of" + SP
          + r")?(?:(?P<wd>" + WEEKDAY_RE + r"),?" + SP + r")?(?:" + POSMOD + r")?(?P<mon>" + MONTH_RE
          + r")\s{0,3}(?P<day>" + DAYNUM + r")(?:st|nd|rd|th)?(?!\d|:\d)(?:,?" + SP + r"(?:in" + SP + r"|of" + SP + r")?(?P<y>" + YEAR + r"|'\d\d)|" + SP + r"of" + SP + r"(?P<thatyear>that|the" + SP
          + r"same|the" + SP + r"following|the" + SP + r"next|the" + SP + r"previous)" + SP + r"year)?" + _E, 3),
    # the week of March 6 (, 2000): the week that holds that day
    _rule("week_of", _B + r"the" + SP + r"week" + SP + r"of" + SP + r"(?:(?P<wd>" + WEEKDAY_RE + r"),?" + SP + r")?(?P<mon>"
          + MONTH_RE + r")\s{0,3}(?P<day>" + DAYNUM + r")(?:st|nd|rd|th)?(?!\d|:\d)(?:,?" + SP + r"(?P<y>" + YEAR + r"))?" + _E, 3),
    # 13 September 2022 / the 13th of September
    _rule("day_month", _B + r"(?:the" + SP + r"(?P<podof>night|morning|afternoon|evening)" + SP + r"of" + SP
          + r")?(?:(?P<wd>" + WEEKDAY_RE + r"),?" + SP + r")?(?:the" + SP + r"(?=\d{1,2}(?:st|nd|rd|th)))?(?P<day>" + DAYNUM
          # "21stMarch", "10thof April": a glued ordinal is common in hastily typed copy
          + r")(?:(?:st|nd|rd|th)\s{0,3}(?:of" + SP + r")?|" + SP + r"(?:of" + SP + r")?)(?P<mon>" + MONTH_RE + r")(?:,?" + SP + r"(?:in" + SP + r")?(?P<y>"
          + YEAR + r"))?" + _E, 3),
    # September 2022 / in September / last April / early December / June last year / mid-November
    _rule("month", _B + POSMOD + r"(?:(?P<rel>last|next|this|past|coming|that)" + SP + r")?(?P<mon>" + MONTH_RE
          + r")(?:(?:,?" + SP + r"(?:of" + SP + r")?(?:(?P<y>" + YEAR + r")(?!\d|,\d|\s?" + ERA_RE + r")|(?P<ey>\d{1,4})\s?(?P<era>" + ERA_RE + r")(?!\w)))|(?:" + SP
          + r"(?P<relyear>last|this|next)" + SP + r"year)|" + SP + r"of" + SP + r"(?P<thatyear>that|the" + SP + r"same|the" + SP
          + r"following|the" + SP + r"next|the" + SP + r"previous)" + SP + r"year)?" + _E, 2),
    # the last week of March (1918)
    _rule("week_of_month", _B + r"the" + SP + r"(?P<ord>first|second|third|fourth|last|final)" + SP + r"week" + SP + r"of"
          + SP + r"(?P<mon>" + MONTH_RE + r")(?:,?" + SP + r"(?P<y>" + YEAR + r"))?" + _E, 4),
    _rule("year", _B + POSMOD + r"(?:(?P<pin>early|late|later|earlier)" + SP + r"in" + SP + r")?(?:(?P<fiscal>fiscal(?:" + SP + r"year)?|calendar(?:"
          + SP + r"year)?|the" + SP + r"year|year)" + SP + r")?(?P<y>" + YEAR + r")(?![\d]|,\d|\.\d|%|-\d|\s?(?:percent|per\scent))", 1),
    # Ranges are two expressions (TimeML): group "a" is the first, "b" the second; the shorter side inherits
    # the other's century, month, year or era. "1915-17" / "1992–1994"
    _rule("year_range", _B + r"(?P<a>(?P<y1>" + YEAR + r"))\s?[-–]\s?(?P<b>(?P<y2>" + YEAR + r"|\d\d))(?![\d%-])", 6),
    # 480 BC / 499–493 BCE / 43 AD
    _rule("era_year", _B + POSMOD + r"(?:(?P<a>(?P<y1>\d{1,4}))\s?[-–]\s?)?(?P<b>(?P<y>\d{1,4})\s?(?P<era>" + ERA_RE + r"))(?!\w)", 6),
    # AD 29 / A.D. 1066: the one era written before its year
    _rule("era_before_year", _B + POSMOD + r"(?P<era>(?-i:AD|A\.D\.))\s?(?P<y>\d{1,4})(?![\d%]|,\d|\.\d)", 6),
    # 6–7 January (1918) / 6 and 7 January
    _rule("day_range", _B + r"(?P<a>(?P<d1>" + DAYNUM + r"))(?:st|nd|rd|th)?(?:\s?[-–]\s?|" + SP + r"(?:and|to)" + SP
          + r")(?P<b>(?P<day>" + DAYNUM + r")(?:st|nd|rd|th)?" + SP + r"(?:of" + SP + r")?(?P<mon>" + MONTH_RE + r")(?:,?" + SP
          + r"(?P<y>" + YEAR + r"))?)" + _E, 6),
    # March 5–9(, 1918)
    _rule("month_day_range", _B + r"(?P<a>(?P<mon>" + MONTH_RE + r")\s{0,3}(?P<d1>" + DAYNUM + r"))(?:st|nd|rd|th)?\s?[-–]\s?"
          r"(?P<b>(?P<day>" + DAYNUM + r")(?:st|nd|rd|th)?(?:,?" + SP + r"(?P<y>" + YEAR + r"))?)(?![\d:])" + _E, 6),
    # between three and six months: two durations, the first in the second's unit (TimeBank keeps "two to
    # three weeks" and "12 to 18 months" without "between" as one)
    _rule("duration_range", _B + r"(?<=between\s)(?P<a>(?P<n1>" + NUMBER_RE + r"))" + SP + r"(?:and|to)"
          + SP + r"(?P<b>(?P<num>" + NUMBER_RE + r")" + HY + r"(?P<unit>" + UNIT_RE + r"))(?!-old|" + HY + r"old\b|-\w)" + _E, 5),
    # from May to August (1917) / between March and June / May–August 1917
    _rule("month_range", _B + r"(?:(?<=from\s)|(?<=between\s))?(?P<a>(?P<mon1>" + MONTH_RE + r"))(?:" + SP + r"(?:to|until|through|"
          r"and)" + SP + r"|\s?[-–]\s?)(?P<b>(?P<mon>" + MONTH_RE + r")(?:,?" + SP + r"(?P<y>" + YEAR + r"))?)" + _E, 5),
    _rule("decade", _B + r"(?:the" + SP + r")?" + POSMOD + r"(?:the" + SP + r")?(?:(?P<pmod2>early|late|mid)[-\s]{1,2})?"
          r"(?:(?P<dec>1\d\d0|20\d0)'?s|['’](?P<dec2>\d0)s)" + _E, 3),
    _rule("century", _B + r"(?:the" + SP + r")?" + POSMOD + r"(?:(?P<ord>" + ORDINAL_RE + r")|(?P<rel>this|last|next|"
          r"the" + SP + r"(?:past|last|next|previous))|(?P<num>\d{1,2}(?:st|nd|rd|th)))" + HY + r"century(?:" + SP + r"(?P<era>"
          + ERA_RE + r"))?(?!\w)", 3),
    _rule("season", _B + r"(?:(?P<the>the)" + SP + r")?" + POSMOD + r"(?:(?P<rel>last|next|this|past|coming|that)"
          + SP + r")?(?:(?P<y1>" + YEAR + r")" + SP + r")?(?P<season>" + SEASON_RE + r")(?:(?:" + SP + r"(?:of"
          + SP + r")?|,\s?)(?:(?P<y>" + YEAR + r")(?!\d|\s?" + ERA_RE + r")|(?P<ey>\d{1,4})\s?(?P<era>" + ERA_RE + r")(?!\w)))?" + _E, 2),
    # the third quarter (of 2022) / fiscal second-quarter / the first half of 2020 / Q3 2022
    _rule("quarter", _B + r"(?:(?P<det>the|its|their|this|that|last|next)(?:" + SP + r"year's)?" + SP + r")?"
          r"(?:(?P<ago>year-ago|year-earlier|comparable|year" + SP + r"(?:ago|earlier))" + SP + r")?"
          r"(?:(?P<y1>" + YEAR + r")" + SP + r")?(?:(?:fiscal|calendar)[-\s]{1,2})?(?P<ord>first|second|third|fourth|"
          r"1st|2nd|3rd|4th|final|last)[-\s]{1,2}(?:fiscal[-\s]{1,2})?(?P<unit>quarter|half|period)(?!s)"
          r"(?:(?:" + SP + r"of|,)?" + SP + r"(?:fiscal" + SP + r")?(?P<y>" + YEAR + r"|(?:this|the|the" + SP + r"current)" + SP + r"year|last"
          + SP + r"year|next" + SP + r"year)(?!\d))?" + _E, 2),
    _rule("q_short", _B + r"(?P<q>Q[1-4]|H[12])(?:" + SP + r"(?P<y>" + YEAR + r"))?" + _E, 2),
    _rule("quarter_ref", _B + r"(?:the|this|that|its|last|next|a)" + SP + r"(?:(?P<adj>latest|current|same|recent|"
          r"comparable|year-ago|year-earlier|previous|prior|past|latest|just-ended|recently\sended|fiscal)" + SP
          + r"){0,2}(?:(?P<y1>" + YEAR + r")" + SP + r")?(?P<qunit>quarter|period)(?!-)" + _E, 1),
    # clock times: 3 p.m. (local time) / 10:35 a.m. EDT Thursday / 15:05 / noon Thursday
    _rule("clock", _B + r"(?:(?P<approx>about|around|approximately|shortly" + SP + r"(?:before|after))" + SP
          + r")?(?:(?P<h>1[0-2]|0?\d)(?:[:.](?P<m>[0-5]\d))?\s{0,2}(?P<ampm>" + AMPM_RE + r")|(?P<h24>[01]?\d|2[0-3])"
          r":(?P<m24>[0-5]\d)(?!\d|:\d\d\d)(?::(?P<s24>[0-5]\d))?(?:\s?(?:hours|hrs|h)\b)?|(?P<word>"
          + CLOCKWORD_RE + r")|(?P<hw>" + NUMWORD_RE + r"|\d{1,2})(?:" + SP + r"o'clock)?" + SP + r"in" + SP
          + r"the" + SP + r"(?P<pod>morning|afternoon|evening))(?:" + SP + r"(?P<tz>" + TZ_RE + r"))?(?:,?" + SP
          + r"(?:on" + SP + r")?(?:(?P<wd>" + WEEKDAY_RE + r")|(?P<rd>today|yesterday|tomorrow|tonight)|(?P<mon>"
          + MONTH_RE + r")\s{0,3}(?P<day>" + DAYNUM + r")(?:st|nd|rd|th)?(?!\d)(?:,?" + SP + r"(?P<y>" + YEAR
          + r")(?!\d))?))?" + _E, 3),
    # 0534 GMT / 1434 local time
    _rule("military_clock", _B + r"(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)" + SP + r"(?:GMT|UTC|Z|local" + SP + r"time)\b",
          2),
    # Tuesday / last Friday / early Tuesday / Tuesday night / Mondays
    _rule("weekday", _B + r"(?:(?P<rel>last|next|this|coming|past|previous|following|early|late|earlier|later|"
          r"that|the" + SP + r"following|the" + SP + r"previous|the" + SP + r"next|(?:early|late)" + SP + r"on|"
          r"the" + SP + r"early" + SP + r"hours" + SP + r"of|the" + SP + r"(?P<podof>night|morning|afternoon|evening)"
          + SP + r"of)" + SP + r")?(?P<wd>" + WEEKDAY_RE
          + r")(?P<plural>s)?(?:" + SP + r"(?P<pod>" + POD_RE + r"))?" + _E, 2),
    _rule("relative_day", _B + r"(?:(?P<pmod>early|late|later|earlier)" + SP + r")?(?P<w>today|tonight|yesterday|"
          r"tomorrow|the" + SP + r"day" + SP + r"before" + SP + r"yesterday|the" + SP + r"day" + SP + r"after"
          + SP + r"tomorrow)(?:" + SP + r"(?P<pod>" + POD_RE + r"))?" + _E, 3),
    _rule("pod", _B + r"(?:(?P<pmod>early|late)" + SP + r")?(?:(?P<rel>this|last|that|the" + SP + r"next|the"
          + SP + r"following|the" + SP + r"previous|the" + SP + r"same|(?<=during\s)the|(?<=in\s)the|(?<=through\s)the|"
          r"(?<=throughout\s)the|(?<=overnight\s)the)" + SP + r")(?P<pod>" + POD_RE + r")" + _E, 1),
    _rule("pod_bare", _B + r"(?P<pod>overnight|nightfall|dawn|dusk|daybreak|sunrise|sunset|midnight|"
          r"mid-?\s?(?:afternoon|morning))(?:,?" + SP + r"(?:on" + SP + r")?(?:(?P<wd>" + WEEKDAY_RE + r")|(?P<rd>"
          r"today|yesterday|tomorrow)))?" + _E, 0),
    # last week / this year / the following day / earlier this month / the past year / that night
    _rule("relative_unit", _B + r"(?:(?P<pmod2>early|late|earlier|later)(?P<inthe>\s+in)\s+(?=the\s)|(?P<pmod>early|late|earlier|later|the" + SP + r"end" + SP + r"of|the" + SP
          + r"beginning" + SP + r"of|the" + SP + r"middle" + SP + r"of|mid|end" + SP + r"of)[\s-]{1,3})?(?P<rel>(?(inthe)the|" + REL
          + r"))" + SP + r"(?P<fiscal>fiscal" + SP + r")?(?P<unit>day|week|weekend|month|year|decade|century|"
          r"fortnight)" + _E, 2),
    # two days ago / a year earlier / two years later / 41 years before
    _rule("ago", _B + QMOD + r"(?P<num>" + NUMBER_RE + r"|" + VAGUE_RE + r")[\s-]{1,3}(?P<unit>" + UNIT_RE + r")(?P<half>" + SP + r"and" + SP + r"a" + SP
          + r"half)?" + SP + r"(?P<dir>ago|earlier|later|before(?![\s]+[a-z0-9])|after(?![\s]+[a-z0-9])|from" + SP
          + r"now|hence|back|prior(?!" + SP + r"to))" + _E + r"|" + _B + r"(?P<bare>hours|days|weeks|months)" + SP
          + r"(?P<bdir>later|earlier)" + _E, 3),
    _rule("duration", _B + QMOD + r"(?:(?P<the>the)" + SP + r")?(?:(?P<rel>past|last|next|first|coming|previous|"
          r"following|final|latest|remaining|initial|recent|further)" + SP + r")?(?P<num>" + NUMBER_RE + r"|"
          + VAGUE_RE + r")" + HY + r"(?:(?P<more>more|additional|further|extra|straight|consecutive|full|whole|"
          r"long)" + SP + r")?(?P<unit>" + UNIT_RE + r")(?P<half>" + SP + r"and" + SP + r"a" + SP + r"half)?(?P<suffix>-long|" + HY + r"long(?!\w)|-plus)?(?!-old|" + HY + r"old\b|-\w)" + _E, 1),
    _rule("bare_units", r"(?<![\w'’])(?=[hdwmyc])(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\bafter\s)|(?<=\btook\s)|"
          r"(?<=\blast\s)|(?<=\blasted\s)|(?<=\btakes\s)|(?<=\btake\s))(?P<unit>minutes|hours|days|weeks|months|years|"
          r"decades|centuries)(?!\s(?:of|ago|later|earlier|before|after)\b)" + _E + r"|" + _B + r"(?P<unit2>hours|days|weeks|"
          r"months|years|decades)-long" + _E, 0),
    _rule("set", _B + r"(?:(?:every|each|per|a(?=" + SP + r"(?:day|year|week|month|night)\b))" + SP + r"(?:other" + SP
          + r"|single" + SP + r")?(?:(?P<num>" + NUMBER_RE + r")" + SP + r")?(?P<unit>" + UNIT_RE + r"|(?P<wd>"
          + WEEKDAY_RE + r")|(?P<mon>" + MONTH_RE + r")|(?P<pod>morning|afternoon|evening|night))|(?P<adv>daily|"
          r"weekly|monthly|yearly|hourly|nightly|biweekly))" + _E, 2),
    _rule("vague", _B + r"(?P<w>now|right" + SP + r"now|currently|current|nowadays|these" + SP + r"days|"
          r"at" + SP + r"present|the" + SP + r"present|at" + SP + r"the" + SP + r"moment|recently|recent(?:" + SP
          + r"(?:years|months|weeks|days|times))|lately|earlier|in" + SP + r"the" + SP + r"past|"
          r"the" + SP + r"past|the" + SP + r"(?:near|short)" + SP + r"term|the" + SP + r"(?:foreseeable" + SP + r"|near" + SP + r"|distant" + SP + r")?future|"
          r"(?:days|weeks|months|years|decades)" + SP + r"ago|past" + SP + r"(?:years|months|decades)|"
          r"(?:in" + SP + r")?(?:the" + SP + r")?(?:coming|next" + SP + r"few|past" + SP + r"few|last" + SP
          + r"few)" + SP + r"(?:days|weeks|months|years|decades|quarters)|"
          r"since" + SP + r"then|until" + SP + r"then|by" + SP + r"then|till" + SP + r"then|from" + SP + r"then"
          r")" + _E, 0),
    _rule("spoken_year", _B + r"(?:(?P<mon>" + MONTH_RE + r")" + SP + r"|(?:the" + SP + r")?(?P<season>" + SEASON_RE
          + r")" + SP + r"of" + SP + r"|the" + SP + r"year" + SP + r")?(?:(?P<hi>nineteen|eighteen|twenty)" + SP
          + r"(?P<lo>(?:" + "|".join(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
          + r")(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|"
          r"fifteen|sixteen|seventeen|eighteen|nineteen|hundred|oh[-\s](?:one|two|three|four|five|six|seven|eight|nine))"
          r"|(?P<thousand>two" + SP + r"thousand(?:" + SP + r"(?:and" + SP + r")?(?:one|two|three|four|five|six|seven|"
          r"eight|nine|ten))?))" + _E, 2),
    _rule("decade_word", _B + r"the" + SP + r"(?:(?P<pmod>early|late|mid)[-\s]{1,2})?(?P<w>twenties|thirties|forties|"
          r"fifties|sixties|seventies|eighties|nineties)" + _E, 2),
    _rule("weekend", _B + r"the" + SP + r"weekend" + _E, 0),
    _rule("unit_edge", _B + r"(?:around" + SP + r")?(?:the" + SP + r")?(?:(?P<pos>end|beginning|start|middle|turn)" + SP
          + r"of" + SP + r"(?:the" + SP + r")?(?:(?P<which>this|last|next|current|that)" + SP + r")?(?:fiscal" + SP
          + r"|calendar" + SP + r")?(?P<unit>year|month|week|decade|century|quarter)|year[-\s]end|year's" + SP
          + r"end|(?P<unit2>month|week)(?:[-\s]|'s" + SP + r")end)(?![\w-])", 2),
    _rule("the_unit", _B + r"the" + SP + r"(?:(?P<adj>full|fiscal|calendar|current" + SP + r"fiscal|latest" + SP
          + r"fiscal|whole|entire)" + SP + r")?(?P<unit>year|week|month)(?![\w-]|'s\b)", 0),
    _rule("year_ago", _B + r"(?P<w>year-(?:ago|earlier)|year" + SP + r"(?:ago|earlier))(?=" + SP + r"(?:period|quarter|level|"
          r"results?|profit|loss|net|sales|revenue|earnings|figure|month|week|days?|income|levels|quarters)\b)", 0),
    _rule("day_around", _B + r"the" + SP + r"(?P<unit>day|night|week|month|year)" + SP + r"(?P<dir>before|after|earlier|"
          r"later)(?=\s*[,.;:)!?]|\s+\w+ed\b|\s*$|(?P<event>[^.;]{1,80}?\bon" + SP + r"(?P<mon>" + MONTH_RE + r")\s{0,3}"
          r"(?P<day>" + DAYNUM + r")(?!\d)(?:,?" + SP + r"(?P<y>" + YEAR + r"))?))", 2),
    _rule("ordinal_day", r"(?<=\bon\s)the" + SP + r"(?P<day>" + DAYNUM + r")(?:st|nd|rd|th)(?!" + SP
          + r"(?:of|century|anniversary|time|day|floor|round|place|year|week|month|amendment|division|brigade|"
          r"army|fleet|street|avenue|district)\b)" + _E, 1),
    _rule("ahead", _B + r"the" + SP + r"(?:(?:coming|next|past|last|previous|following)" + SP + r")?(?P<unit>days|weeks|"
          r"months|years|decades)" + SP + r"(?:ahead|to" + SP + r"come)" + _E, 1),
    # "the following months", "the ensuing weeks": vague stretches after the narrative's time
    _rule("ahead_after", _B + r"the" + SP + r"(?:following|ensuing|subsequent|intervening)" + SP + r"(?P<unit>minutes|hours|days|"
          r"weeks|months|years|decades)" + _E, 1),
    _rule("holiday", _B + r"(?:(?P<rel>last|next|this)" + SP + r")?(?P<h>christmas(?:" + SP + r"(?:day|eve))?|"
          r"new" + SP + r"year's(?:" + SP + r"(?:day|eve))?|thanksgiving(?:" + SP + r"day)?|easter(?:" + SP
          + r"(?:sunday|monday|week))?|halloween|valentine's" + SP + r"day|labor" + SP + r"day|memorial" + SP
          + r"day|independence" + SP + r"day|election" + SP + r"day|boxing" + SP + r"day)(?:" + SP + r"(?P<pod>night|morning|eve(?:ning)?))?(?:,?" + SP + r"(?P<y>"
          + YEAR + r"))?" + _E, 2),
]


class Candidate:
    """A rule's match, with its TimeML extent (start may skip a leading "about")."""
    __slots__ = ("start", "end", "rule", "priority", "match")

    def __init__(self, start: int, end: int, rule: str, priority: int, match: re.Match) -> None:
        self.start, self.end, self.rule, self.priority, self.match = start, end, rule, priority, match


#: Words one of which every match of a rule contains ("#": any number). A rule runs only in the windows
#: around its trigger words, so each stretch of text pays only for the rules it can match, and text without
#: any trigger (a megabyte of "the the the", of spaces or of one long number) costs one fast scan.
_MONTH_WORDS = {w.rstrip(".") for w in MONTHS}
_WEEKDAY_WORDS = {w.rstrip(".") for w in WEEKDAYS} | {w + "s" for w in WEEKDAYS if not w.endswith(".")}
_UNIT_WORDS = {w.rstrip(".") for w in list(UNITS) + list(UNIT_PLURALS)} | {"weekends", "quarters"}
_POD_WORDS = {w for k in PARTS_OF_DAY for w in re.findall(r"[a-z]+", k)} - {"mid", "late"} | {
    "midafternoon", "midmorning"}
#: Digit tokens are told apart by what follows them: "#4" a four-digit number, "#:" digits before ":" (15:05),
#: "#/" before "/" (9/13/2022), "#-" before "-" (2022-09-13), "#s" before "s" or "'s" (the 1990s, the '90s);
#: "#" any other number.
_TRIGGERS: dict[str, set[str]] = {
    "iso_date": {"#-"}, "slash_date": {"#/"}, "year": {"#4", "#-"}, "year_range": {"#4", "#-"},
    "era_year": {"bc", "bce", "ad", "ce", "c", "d"}, "era_before_year": {"ad", "d"}, "day_range": _MONTH_WORDS, "month_day_range": _MONTH_WORDS,
    "month_range": _MONTH_WORDS, "duration_range": {"between"},
    "decade": {"#s"}, "military_clock": {"gmt", "utc", "z", "local"}, "ordinal_day": {"st", "nd", "rd", "th"},
    "q_short": {"q", "h"},
    "month_day": _MONTH_WORDS, "week_of": {"week"}, "day_month": _MONTH_WORDS, "month": _MONTH_WORDS, "week_of_month": {"week"},
    "century": {"century"}, "season": set(SEASONS),
    "quarter": {"quarter", "half", "period"}, "quarter_ref": {"quarter", "period"},
    "clock": {"#:", "am", "pm", "m", "noon", "midday", "midnight", "mid", "morning", "afternoon", "evening"},
    "weekday": _WEEKDAY_WORDS, "relative_day": {"today", "tonight", "yesterday", "tomorrow"},
    "pod": _POD_WORDS, "pod_bare": _POD_WORDS,
    "relative_unit": _UNIT_WORDS, "ago": _UNIT_WORDS, "duration": _UNIT_WORDS, "bare_units": _UNIT_WORDS,
    "set": {"every", "each", "per", "day", "year", "week", "month", "night", "daily", "weekly", "monthly",
            "yearly", "hourly", "nightly", "biweekly"},
    "vague": {"now", "current", "currently", "nowadays", "days", "present", "moment", "recently", "recent",
              "lately", "earlier", "past", "term", "future", "weeks", "months", "years", "decades", "quarters",
              "then", "times"},
    "spoken_year": {"eighteen", "nineteen", "twenty", "thousand"},
    "decade_word": {"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"},
    "weekend": {"weekend"}, "unit_edge": {"year", "month", "week", "decade", "century", "quarter"},
    "the_unit": {"year", "week", "month"}, "year_ago": {"year"}, "day_around": {"day", "night", "week", "month", "year"},
    "ahead": {"days", "weeks", "months", "years", "decades"},
    "ahead_after": {"following", "ensuing", "subsequent", "intervening"},
    "holiday": {"christmas", "new", "thanksgiving", "easter", "halloween", "valentine", "labor", "memorial",
                "independence", "election", "boxing"},
}
#: trigger word -> bit mask of the rules (by index in RULES) it can start.
_RULE_MASK: dict[str, int] = {}
for _i, _r in enumerate(RULES):
    for _w in _TRIGGERS[_r.name]:
        _RULE_MASK[_w] = _RULE_MASK.get(_w, 0) | (1 << _i)
# An ordinal suffix glued to the next word ("21stMarch") is a token of its own, so that the word triggers.
_TOKEN_RE = compile_cached(r"(?<=\d)(?:st|nd|rd|th)(?=[a-z])|[a-z]+|(?<!\d)\d{1,4}(?!\d)", re.I)
_REACH = 50     # no time expression reaches further than this from its trigger word


def segments(text: str) -> list[tuple[int, int, int]]:
    """Merged windows of text around trigger words, where time expressions can be, each with the bit mask of
    the rules its trigger words can start."""
    spans: list[tuple[int, int, int]] = []
    n = len(text)
    masks = _RULE_MASK
    for m in _TOKEN_RE.finditer(text):
        word = m.group()
        if word[0].isdigit():
            after = text[m.end():m.end() + 1]
            mask = masks.get("#" + after if after in ":/-" and after else "#4" if len(word) == 4 else "#", 0)
            if len(word) == 4 and after in "-:/" and after:
                mask |= masks.get("#4", 0)
            if after == "s" or (after in "'’" and after and text[m.end() + 1:m.end() + 2] == "s"):
                mask |= masks.get("#s", 0)
            if not mask:
                continue
        else:
            mask = masks.get(word.lower(), 0)
            if not mask:
                continue
        a, b = m.start() - _REACH, m.end() + _REACH
        if spans and a <= spans[-1][1]:
            last = spans[-1]
            spans[-1] = (last[0], b, last[2] | mask)
        else:
            spans.append((max(0, a), b, mask))
    if spans and spans[-1][1] > n:
        spans[-1] = (spans[-1][0], n, spans[-1][2])
    return spans


#: Leading words that qualify an expression but are not part of its TIMEX3 extent (TimeML conventions):
#: "about [three days]", "in [the past]", "Earlier [Friday]", "the [14-day] period", "its [third-quarter]".
_LEADING = {
    "duration": compile_cached(r"(?:about|around|roughly|approximately|some|only|just|over|under|in)\s+"
                           r"|the\s+(?=[\w-]+[\s-]+(?:year|month|week|day|hour|minute|decade)(?!s)\b)", re.I),
    "clock": compile_cached(r"(?:about|around|approximately|at\s+about)\s+", re.I),
    "vague": compile_cached(r"(?:in|right)\s+", re.I),
    "weekday": compile_cached(r"(?:earlier|later)\s+", re.I),
    "quarter": compile_cached(r"(?:the|its|their|that|this)\s+(?=\w+-)", re.I),
}


def _start(rule: str, m: re.Match) -> int:
    lead = _LEADING.get(rule)
    if lead is None:
        return m.start()
    t = lead.match(m.string, m.start(), m.end())
    return t.end() if t and t.end() < m.end() else m.start()


#: Rules for ranges: group "a" (when it matched) is an expression of its own.
_RANGES = frozenset(r.name for r in RULES if "(?P<a>" in r.pattern)


@lru_cache(maxsize=4096)
def _rules_of(mask: int) -> tuple[tuple[Rule, bool], ...]:
    """The rules a window's mask lets run, in RULES order, each with whether it is a range rule (computed once
    per mask: a megabyte has thousands of windows but few distinct masks)."""
    return tuple((rule, rule.name in _RANGES) for i, rule in enumerate(RULES) if mask >> i & 1)


def candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    for a, b, mask in segments(text):
        for rule, is_range in _rules_of(mask):
            for m in rule.regex.finditer(text, a, b):
                if m.end() <= m.start():
                    continue
                if is_range and m["a"] is not None:
                    # a range: its first side is an expression of its own ("<rule>_start"), then the second
                    found.append(Candidate(m.start("a"), m.end("a"), rule.name + "_start", rule.priority, m))
                    found.append(Candidate(m.start("b"), m.end(), rule.name, rule.priority, m))
                else:
                    found.append(Candidate(_start(rule.name, m), m.end(), rule.name, rule.priority, m))
    return found


#: In a history narrative only: "during this period", "at the same time", "by that time", "at the time" point
#: back at the time the story is at (TIMEX2 annotates them; news, and TimeML's TimeBank, leave them untagged,
#: and there they seldom name a time the reader could place). The extent is the phrase after the preposition.
_STORY_ANAPHOR = compile_cached(
    r"\b(?:during|throughout|by|at|from|in|since|until|till|before|after|around|about|over|for)\s+"
    r"(?P<x>(?:this|that|the\s+same)\s+(?:time|period)|the\s+time)(?![\w-])", re.I)


#: Above every rule of RULES: in a history, "this period" is the story's, not a company's latest quarter.
_STORY_PRIORITY = max(rule.priority for rule in RULES) + 1


def story_candidates(text: str) -> list[Candidate]:
    """Expressions that only a history narrative has: they point back at the story's time."""
    return [Candidate(m.start("x"), m.end(), "story_anaphor", _STORY_PRIORITY, m) for m in _STORY_ANAPHOR.finditer(text)]


def select(found: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: the longest wins, then the higher priority, then the leftmost."""
    ranked = sorted(found, key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    import bisect
    for c in ranked:
        i = bisect.bisect_left(taken, (c.start, c.end))
        if i > 0 and taken[i - 1][1] > c.start:
            continue
        if i < len(taken) and taken[i][0] < c.end:
            continue
        taken.insert(i, (c.start, c.end))
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen
