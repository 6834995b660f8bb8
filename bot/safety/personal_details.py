"""Personal details in a student's message: found and masked before anything is stored.

The channel guard (bot/channels/guard.py) runs ``mask`` on every message of
every channel before Rasa sees it, so the tracker store, logs, conversation
exports and handoffs only ever hold ``[phone]``, ``[email]``, ``[address]`` and
``[name]``. Pay figures, years, job counts and job titles are left alone: a
phone number has 7 or 10 digits in phone groups and no ``$`` or thousands
commas; an address needs a house number and a street word; a name needs an
introduction ("my name is ...", "call me ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import FrozenSet, List, Match, Tuple

from bot.safety import crisis
from bot.safety.common_words import common_words
from bot.safety.text import KEY_WORDS

PHONE = "[phone]"
EMAIL = "[email]"
ADDRESS = "[address]"
NAME = "[name]"

# "name@school.org" or "name @ school.org" (spaced on both sides); never "@company.com" alone.
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+(?:@|\s@\s)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Spelled out to get past filters: "kai_b at icloud dot com", "linh [at] hotmail [dot] com", "carlos(at)mail.com".
# With a bracketed "at" or a spelled-out "dot" always; with a bare " at " and a real dot only for a mail provider
# or when the name part looks like an address (digits, "." or "_"), so "work at amazon.com" stays.
_AT = r"(?:\s*[\[({<]\s*at\s*[\])}>]\s*|\s+at\s+)"
_DOT = r"(?:\s*[\[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+|\.)"
_TLD = (r"(?:com|net|org|edu|gov|us|io|co|me|info|biz|mil|ca|uk|mx|de|fr|es|nl|br|au|ru|jp|cn|ie|nz|za|ch|se|pl|pt|"
        r"dk|fi|kr|ph|sg|xyz|app|dev|tv|ai)")
# Spaced out around "@" and the dots: "carlos . mendez @ gmail . com".
_EMAIL_SPACED = re.compile(r"(?<![\w.])[A-Za-z0-9_%+-]+(?:\s?\.\s?[A-Za-z0-9_%+-]+)*(?:\s@\s|@)[A-Za-z0-9-]+"
                           r"(?:\s?\.\s?[A-Za-z0-9-]+)*?\s?\.\s?" + _TLD + r"\b",
                           re.IGNORECASE)
_EMAIL_SPELLED = re.compile(
    r"(?<![\w.])([A-Za-z0-9._%+-]+(?:" + _DOT + r"[A-Za-z0-9_%+-]+)*)" + _AT
    + r"([A-Za-z0-9-]+(?:" + _DOT + r"[A-Za-z0-9-]+)*?)" + _DOT + _TLD + r"\b",
    re.IGNORECASE,
)
_PROVIDER_NAMES = r"(?:g\s?mail|yahoo|hotmail|outlook|icloud|aol|protonmail|proton|ymail|gmx|zoho)"
# "ben dot carter at gmail", "sophiaa.k @gmail": a name part that looks like an address, at a mail provider.
_EMAIL_AT_PROVIDER = re.compile(
    r"(?<![\w.])[A-Za-z0-9_%+-]+(?:(?:\.|\s+dot\s+)[A-Za-z0-9_%+-]+)+(?:\s+at\s+|\s*@\s*)" + _PROVIDER_NAMES
    + r"(?:" + _DOT + _TLD + r")?\b"
    r"|(?<![\w.])[A-Za-z0-9._%+-]*\d[A-Za-z0-9._%+-]*(?:\s+at\s+|\s*@\s*)" + _PROVIDER_NAMES + r"\b",
    re.IGNORECASE,
)
# "my gmail is mia.torres.07", "email: jdoe_22": a handle after the words that give an email address.
_EMAIL_HANDLE_AFTER = re.compile(
    r"\b(?:my |her |his )?(?:e-?mail|gmail|yahoo|outlook|hotmail|icloud)(?: address| handle| username| acct| account)?"
    r"(?:\s+is|\s*:|\s*=)\s+([A-Za-z0-9][A-Za-z0-9%+-]*(?:[._][A-Za-z0-9%+-]+)+|[A-Za-z]+[._]?\d+)\b",
    re.IGNORECASE,
)
# Typed a letter at a time: "s h a y l a 2 0 1 0 @ g m a i l . c o m".
_EMAIL_LETTERS = re.compile(r"(?<!\S)(?:[A-Za-z0-9._+-] ){2,}@(?: [A-Za-z0-9._-]){3,}(?!\S)")
_MAIL_PROVIDERS = {"gmail", "yahoo", "hotmail", "outlook", "icloud", "aol", "protonmail", "proton", "live", "msn",
                   "comcast", "ymail", "mail", "me", "att", "verizon", "sbcglobal", "bellsouth", "gmx", "zoho"}
# 10 digits (optionally +1 / 1-), or 7 digits, in phone groups; never after $, a digit, a comma or a point
# (nor 7 digits after "between"/"from": a range, "between 100 - 2000 workers"),
# nor ten digits typed without separators that start with 0 or 1 (no U.S. area code does: "1000000000"),
# nor followed by more digits (",560" of a pay figure); a comma or full stop after the number is fine.
_PHONE = re.compile(
    r"(?<![\w$,.])(?![01]\d{9}(?!\d))(?:\+?1[\s.-]?)?(?:\(\d{3}\)(?:\s?[./_\u2013\u2014-]\s?|\s)?|\d{3}"
    r"(?:\s?[./_\u2013\u2014-]\s?|\s)?)\d{3}(?:\s?[./_\u2013\u2014-]\s?|\s)?\d{4}"
    r"(?:\s?(?i:x|ext\.?|extension)\s?\d{1,5})?(?![^\W_]|[,.]\d|\s*[=+*\u00d7\u00f7^]\s*\d)"
    r"|(?<![\w$,.(-])(?<!between )(?<!from )\d{3}(?:\s?[.\u2013\u2014-]\s?|\s)\d{4}(?!\w|[,.]\d|[\s.-]\d)"
)
# A number glued to the word that gives it ("call5555550191", "textme555-0127"): the digits after the word;
# and a number in phone groups glued to the word after it ("702-555-0126bro").
_PHONE_GLUED = re.compile(r"(?i:call|text|txt|ring|hmu|me|at|on|is|number|num|phone|cell|tel|mobile|whatsapp|#)"
                          r"(\+?1?[\s.-]?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}|\d{3}[\s.-]\d{4})(?!\w|[,.]\d)")
_PHONE_GLUED_AFTER = re.compile(r"(?<![\w$,.])\(?\d{3}\)?[\s.-]\d{3}[.-]\d{4}(?=[a-z]{2,})")
# (Not arithmetic: "130160 / 2080 = 62.58" is a pay figure over the hours of a year.)
# Ten digits in other groupings ("720 555 01 66", "630 555 01 52"): a three-digit area code, then groups of 2 to 4.
_PHONE_GROUPS = re.compile(r"(?<![\w$,.])(?:\+?1[\s.-])?\(?\d{3}\)?(?:[\s.-]\d{2,4}){2,4}(?!\w|[,.]\d)")
# A helpline's toll-free number ("the hotline is 1-800-433-3243", 800/833/844/855/866/877/888) is an
# organisation's, not a student's: left as it is when the message speaks of a helpline or an organisation.
_TOLL_FREE = re.compile(r"^(?:\+?1[\s.-]?)?\(?8(?:00|33|44|55|66|77|88)\b")
_ORGANISATION_LINE = re.compile(r"\b(?:hotline|helpline|help line|lifeline|crisis|support line|customer service|"
                                r"call cent(?:er|re)|toll[ -]free|organi[sz]ation|poison control|suicide|988|trevor|"
                                r"rainn|childhelp|number for the|the number for|helpline)\b", re.IGNORECASE)
# Phone numbers spelled out in words: seven or more digits as words or digits ("five five five, two one two, ...").
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|\d{1,4})"
_PHONE_WORDS = re.compile(r"(?<![\w$])" + _DIGIT_WORD + r"(?:[\s,.-]{1,3}" + _DIGIT_WORD + r"){3,14}\b", re.IGNORECASE)
# International numbers: "+44 7911 123456", "+52 55 1234 5678": a "+", a country code and 7 to 12 more digits.
_PHONE_INTERNATIONAL = re.compile(r"(?<![\w$])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,5}(?!\w|[,.]\d)")
# After words that give a number ("reach me on", "my number is", "whatsapp:"): any run of 7 to 13 digits in
# phone groups, also the forms used outside the U.S. ("07700 900461").
_PHONE_AFTER = re.compile(
    r"\b(?:(?:reach|call|text|ring|contact|message|whatsapp|dm) (?:me|him|her|us|them)(?: back)? (?:on|at)|"
    r"(?:number|numbr|nmbr|numba|num|phone|fone|cell|mobile|whatsapp|digits|tel|telephone|line)(?: number)?"
    r"(?: is|:| =)|whatsapp|telephone|"
    r"ph(?:one)?\s*#?:|tel\.?|cell(?: phone)?|mobile)\s+"
    r"(\+?\(?\d[\d\s().-]{5,18}\d)(?!\w|[,.]\d)",
    re.IGNORECASE,
)
# "my # is 555 01 23": a number after "#"
_PHONE_HASH = re.compile(r"\b(?:my|his|her|our|their|the|moms?|dads?)\s+#\s*(?:is|:|=)?\s*(\+?\(?\d[\d\s().-]{5,18}\d)"
                         r"(?!\w|[,.]\d)", re.IGNORECASE)
# A number given in pieces: "my area code is 919 and the rest is 442-0871", "starts with 410 555 and ends in 0199".
_PHONE_PIECES = re.compile(
    r"\b(?:area code(?: is|:)?|(?:number|phone|cell|#)[\w ]{0,12}?(?:starts|begins) with|(?:and )?ends (?:in|with)|"
    r"the rest is|last (?:four|4)(?: digits)? (?:is|are)|(?:first|1st) (?:three|3) (?:digits|numbers) (?:is|are))"
    r"\s+(\d{2,4}(?:[\s.-]\d{2,4})?)(?!\w|[,.]\d)",
    re.IGNORECASE,
)
# Numbers written as outside the U.S., with a leading 0 and three or more groups: "020 7946 0958", "06 12 34 56 78".
_PHONE_LEADING_ZERO = re.compile(r"(?<![\w$,.])0\d{1,4}(?:[ .-]\d{2,4}){2,4}(?!\w|[,.]\d)"
                                 r"|(?<![\w$,.])00\d{1,3}(?:[ .-]\d{2,6}){2,3}(?!\w|[,.]\d)")  # "0044 7555 010123"
_STREET_WORDS = (
    r"street|st|avenue|ave|av|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|terrace|terr|ter|"
    r"circle|cir|parkway|pkwy|highway|hwy|freeway|fwy|trail|trl|square|sq|way|alley|row|loop|pike|crescent|plaza|close|grove|"
    r"gardens|mews|strip|path|ridge|crossing|hollow|run|point|pass|bend|walk|concourse|expressway|expy|turnpike|tpke"
)
_NOT_STREET_NAMES = {
    "years", "year", "days", "day", "hours", "hour", "months", "month", "weeks", "week", "percent", "people",
    "jobs", "job", "times", "dollars", "students", "kids", "classes", "credits", "points", "grade", "grades",
    "either", "one", "the", "other", "same", "a", "an", "of", "to", "in", "or", "and", "is", "are", "more",
    "but", "his", "her", "my", "your", "their", "our", "he", "she", "it", "that", "this", "so", "if", "with", "for",
    "at", "on", "by", "was", "were", "be", "sounds", "seems", "looks", "feels",
    "address", "number", "phone", "email", "zip",  # labels: "555-0120 address 10 Main St" is "10 Main St"
}
# A street word that is part of the name before the real one: "1900 Oak Hollow Dr", "12 Park Place Rd"
_SECOND_STREET_WORD = (r"(?:\s+(?-i:Dr|Rd|St|Ln|Ave|Ct|Blvd|Way|Cir|Pl|Trl|Pkwy|Hwy|Fwy|Drive|Road|Street|Lane|Avenue|"
                       r"Court|Circle|Place|Trail|Parkway)\b\.?)?")
_UNIT = r"(?:,?\s*(?:apt|apartment|unit|suite|ste|#|no\.?)\s*\.?\s*#?[A-Za-z0-9-]{1,6}\b)?"
_ADDRESS = re.compile(  # not an interstate's number: "on i-80 every time we drive"
    r"(?<![A-Za-z]-)\b(?:[NSEW](?=\d{3,6}\s))?\d{1,6}(?:-?[A-Za-z])?\s+(?:(?:[NSEW]|north|south|east|west)\.?\s+)?"
    r"((?:[A-Za-z0-9'-]+\.?\s+){1,4}?)(?:" + _STREET_WORDS + r")\b\.?" + _SECOND_STREET_WORD + _UNIT,
    re.IGNORECASE,
)
# After "i live at", "my address is": a house number and up to three words, street word or not.
# Numbered roads: "1602 Route 9 Apt 2", "455 Highway 101", "77 Rural Route 2".
_ADDRESS_ROUTE = re.compile(
    r"\b(?:[NSEW](?=\d{3,6}\s))?\d{1,6}\s+(?:(?:state\s+|county\s+|us\s+|rural\s+|farm\s+)?(?:route|rte|highway|hwy|road|rd)"
    r"|fm|farm[\s-]to[\s-]market(?:\s+road)?|ranch\s+road|county\s+rd)\s+"
    r"(?:\d{1,4}[A-Za-z]?|[A-Z]{1,2})\b"
    + _UNIT,
    re.IGNORECASE,
)
# Spanish, French, Italian, Portuguese street names have the street word first: "1250 El Camino Real",
# "44 Calle Ocho", "16 rue des Lilas".
_ADDRESS_SPANISH = re.compile(
    r"\b\d{1,6}\s+(?:(?:el|la|los|las)\s+)?(?:camino|calle|avenida|paseo|via|vista|rancho|plaza|rue|rua|"
    r"strada|chemin|avenue|boulevard)\s+"
    r"(?:(?:de|del|des|du|da|do|della|di)\s+(?:(?:la|los|las|le|les)\s+)?)?[A-Za-z][A-Za-z'-]*"
    r"(?:\s+(?!(?:apt|apartment|unit|suite|ste|is|and|in|near|by)\b)[A-Z][A-Za-z'-]*)?" + _UNIT,
    re.IGNORECASE,
)
# Outside the U.S. the number comes after the street: "Calle de Alcalá 118", "Av. Insurgentes Sur 1602",
# "Lindenstraße 42".
_ADDRESS_NUMBER_AFTER = re.compile(
    r"\b(?:(?:calle|av\.|avenida|rue|via|rua|paseo|carrera|rambla)\s+(?:[^\W\d_][\w'.-]*\s+){1,4}?\d{1,5}[A-Za-z]?"
    r"|[^\W\d_]+(?:straße|strasse|str\.|weg|platz|gasse|allee|straat|laan|vej|gatan|gade)\s+\d{1,5}[a-z]?)\b",
    re.IGNORECASE,
)
_O_FOR_ZERO = re.compile(r"(?<=\d)[oO](?=[\d.-]?\d)|(?<=\d[.-])[oO](?=\d)|(?<=\d)[oO](?=[oO]?\d)")
# "1500 Broadway #1204", "100 W. Broadway": the street with no street word
_BROADWAY = re.compile(r"\b\d{1,6}\s+(?:(?i:[nsew])\.?\s+)?(?i:broadway)\b" + _UNIT)
# A home in a mobile home park: "#4 Green Acres Mobile Home Park", "lot 12, Sunny Pines Trailer Park".
_HOME_PARK = re.compile(r"(?:#|\b(?:lot|space|spc|unit|trailer|site)\s*#?)\s?\d{1,4},?\s+(?:[\w'-]+\s+){0,4}?"
                        r"(?:mobile home park|trailer park|rv park|mobile home community|"
                        r"manufactured home community|mhp)\b",
                        re.IGNORECASE)
# A house number in words before a capitalised street name: "eight twenty two Willow Way".
_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                r"hundred|thousand|oh)")
_HOUSE_NUMBER_IN_WORDS = r"(?i:\b" + _NUMBER_WORD + r"(?:[\s-]+" + _NUMBER_WORD + r"){0,5})"
_ADDRESS_IN_WORDS = re.compile(
    _HOUSE_NUMBER_IN_WORDS + r"\s+"
    r"((?-i:[A-Z][a-z'-]+)\.?\s+(?:[A-Za-z'-]+\.?\s+){0,2}?)(?i:" + _STREET_WORDS + r")\b\.?" + _UNIT,
)
# A year after a word of time ("back in 1995 lawyers made way less"): not a house number.
_TIME_WORD_BEFORE = re.compile(r"\b(?:in|since|from|until|till|by|before|after|around|circa|year)\s+$", re.IGNORECASE)
# A house number said "on" its street ("my house number is 2316 on Orchard Street"): the street name capitalised.
_ADDRESS_NUMBER_ON = re.compile(r"\b\d{1,6}\s+on\s+(?-i:[A-Z][a-z'-]+)(?:\s+(?-i:[A-Z][a-z'-]+))?\s+"
                                r"(?i:" + _STREET_WORDS + r")\b\.?" + _UNIT)
# Words that give one's address: "i live at", "my address is".
_LIVES_AT = r"(?:live at|live on|living at|stay at|staying at|address is|address:|addy is|house is at|home is at)"
# ... in lower case too after them: "i live at one twenty three birch street"
_ADDRESS_IN_WORDS_AFTER = re.compile(
    r"(?i:\b" + _LIVES_AT + r"\s+)"
    r"(" + _HOUSE_NUMBER_IN_WORDS + r"\s+"
    r"(?i:[a-z'-]+\.?\s+(?:[a-z'-]+\.?\s+){0,2}?)(?i:" + _STREET_WORDS + r")\b\.?" + _UNIT + ")",
)
# Post office boxes, with the city, state and ZIP code after them: "PO Box 482, Tulsa, OK 74101".
_PO_BOX = re.compile(
    r"\b(?i:p\.?\s?o\.?\s?box|pob|post office box|(?:rr|r\.r\.|rural route|route|hc|star route)\s*#?\d{1,4},?\s+box|"
    r"(?:rural route|star route|highway contract route),?\s+box|"
    r"box(?=\s+\d{1,6},?\s+(?:rr|r\.r\.|rural route|route|hc)\s*#?\d)|"
    r"box(?=\s+\d{1,6},?\s+(?:star route|rural route|highway contract route)\b))"
    r"\s+#?\d{1,6}[A-Za-z]?\b"
    r"(?i:,?\s+(?:rr|r\.r\.|rural route|route|hc)\s*#?\d{1,4}\b|,?\s+(?:star route|rural route)\b)?"
    r"(?:,?\s+[A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*){0,2},?\s+[A-Z]{2}\.?(?:,?\s+\d{5}(?:-\d{4})?)?\b)?",
)
_ADDRESS_AFTER = re.compile(
    r"\b(?:" + _LIVES_AT + r"|come to|stay at)\s+"
    r"(\d{1,6}[A-Za-z]?(?!\s+(?:a|an|per|every|each|dollars?|bucks|grand)\b)"  # "live on 38000 a year" is pay
    r"\s+(?:[#A-Za-z0-9'.-]+\s?){1,4}?)(?=$|[,.!?;]|\s(?:and|in|so|but|if|near|by|btw|lol|pls|please)\b)",
    re.IGNORECASE,
)
# Introductions of a name. Strong ones take any words that are not small words;
# weak ones ("call me", "i'm", "this is") only capitalised words that are not common words.
_STRONG_INTRO = re.compile(
    r"\b(?:my (?:full |real |first |last |legal |whole |complete |actual |given |birth |first and last |government |"
    r"govt |gov )?"
    r"(?:name|nam|nme|naem)"
    r"(?:\s+is|s\s+are|\s+are|s| is|'s|:)|"
    r"my names|myname is|(?:student|full|legal|real|complete|first and last|first & last) name\s*:|"
    r"(?<![A-Za-z] )(?<![A-Za-z])name\s*(?::|-(?=\s)|=)|^name(?=\s+(?-i:[A-Z]))|"
    r"(?:first|last) name(?=\s+(?-i:[A-Z]))|(?:her|his|their) name(?:\s+is|'s|:)|"
    r"(?:my|her|his|their) (?:best |little |big |older |younger |step |twin |foster |adoptive |host |god|"
    r"biological |bonus |real )?(?:\w+'?s |\w+s' )"
    r"(?:full |real |first |last )?name(?:\s+is|'s|:)|"
    r"(?:^|(?<=[.!?,]\s)|(?<=^yo )|(?<=^hi )|(?<=^hey )|(?<=^ok )|(?<=^so )|(?<=^sup )|(?<=^hello ))"
    r"(?:name is|name's|names)|"
    r"full name\s*(?::|-|–|—)|(?:my |the )?full name is|full name(?= [A-Z])|the name's|the names|the name is|"
    r"i am called|im called|"
    r"me llamo|mi nombre(?: completo)? es|(?:my )?(?:parents|mom|dad|mother|father) named me|"
    r"je m'appelle|mein name ist|"
    r"i'm called|they call me|people call me|everyone calls me|you can call me|my name would be)\s+",
    re.IGNORECASE,
)
# A title before a name: "this is Mr. Alan Whitfield", "this is Coach Darnell Hayes" (the title stays).
_HONORIFIC = r"(?:(?:mr|mrs|ms|mx|miss|dr|prof|professor|coach|pastor|sr|sra|srta)\.?\s+(?=(?-i:[^\W\d_a-z])))?"
_WEAK_INTRO = re.compile(r"\b(?:it'?s (?:just )?me(?: again)?,?|it is me,?|"
                         r"(?:my|her|his|our) (?:older |younger |little |big |baby |twin |"
                         r"best |step[- ]?|half-?)?(?:mom|dad|mother|father|aunt|uncle|brother|sister|"
                         r"cousin|grandma|grandpa|grandmother|grandfather|stepmom|stepdad|guardian|friend|twin|pops|"
                         r"mama|papa|bro|sis|stepbrother|stepsister|boyfriend|girlfriend|bff|neighbor|neighbour)"
                         r"(?:\s+is|,)?(?=\s+(?-i:[^\W\d_a-z]))|"
                         r"(?:let me |lemme |i'?ll |to )?introduce myself\s*[:,-]?|"
                         r"(?:this is|it's|its|i am|i'm|im) (?:(?:mr|mrs|ms|dr|coach)\.?\s+)?"
                         r"(?:[^\W\d_][\w-]*\s+)?[^\W\d_][\w-]*'s "
                         r"(?:son|daughter|kid|child|grandson|granddaughter|nephew|niece|stepson|stepdaughter|brother|"
                         r"sister|mom|dad|mother|father|parent|guardian|aunt|uncle|grandma|grandpa),?|"
                         r"call me|this is|it's|its|i am|i'm|im|hi i'm|hey i'm|me is|it is|"
                         r"(?:know )?who (?:this|it) is\s*[,:-]?|my (?:contact )?info(?:rmation)?(?:\s+is|\s*:)|"
                         r"soy|je suis|(?:student|me|from|by|sender)\s*:|"
                         r"i go by|i go by the name|i go by the name of|goes by|ya boi|ya boy|ya girl|ur boy|ur girl|"
                         r"your boy|your girl)\s+" + _HONORIFIC,
                         re.IGNORECASE)
# Small words inside names: "Pieter van der Berg", "Ximena de los Santos", "Leonardo da Silva".
_NAME_PARTICLES = r"(?:van|von|der|den|de|del|della|la|las|los|le|du|da|di|dos|das|bin|ibn|al|el|st\.?)"
# Two or three capitalised name words, a middle initial or particles between them ("Tyler J. Brooks").
_FULL_NAME = (r"[^\W\d_a-z][\w'-]+(?:\s+[^\W\d_a-z]\.)?(?:\s+(?i:" + _NAME_PARTICLES + r"))*"
              r"(?:\s+[^\W\d_a-z][\w'-]+){1,2}")
# An emoji or two at the end of a message, after a signature ("xoxo, Gabby Flores 💖").
_TRAILING_EMOJI = r"(?:\s*[\u2600-\u27bf\ufe0f\U0001f300-\U0001faff])*"
# A line under a signature that says which class or grade ("Alyssa Chen\nClass of 2027").
_CLASS_LINE = r"(?:[ \t]*\n[ \t]*(?i:class of \d{4}|\d{1,2}(?:st|nd|rd|th) grade|grade \d{1,2}|period \d)[ \t]*)?"
# A signature: a name after a dash or a closing word at the end of the message ("- Sofia Castellanos",
# "Best, Camila Ortiz", "Signed, Hannah Weiss-Cohen, grade 8"), or "<Full Name> here".
_SIGNATURE = re.compile(
    r"(?:(?:^|\s)(?:-{1,2}|—|–|~)\s*(?:from\s+)?|\b(?:best|respectfully|warmly|thanks|thank you|thank u|thanku|"
    r"thanks u|thanx|thnx|thx|signed|sincerely|cheers|"
    r"love|regards|from|ttyl|"
    r"bye|later|peace|xoxo|ty|tysm|talk soon|see ya|cya)[,:]\s+|\b(?:xoxo|sincerely|signed|sent by|written by|"
    r"typed by|asked by)\s+|(?:(?<=[.!?])\s*|^\s*)from\s+)"
    r"((?:[^\W\d_][\w'-]*)(?:\s+(?:[A-Z]\.|(?i:st)\.|[^\W\d_][\w'-]*)){1,3})\s*(?:,[^,.!?]{0,20}|\([^()]{0,20}\))?[.!]?"
    + _TRAILING_EMOJI + r"\s*$",
    re.IGNORECASE,
)
# A full name alone as the message's last sentence, the way students sign off ("Thanks for the help! Aaliyah Brooks").
# A contact detail may follow it on the same line ("Evan Brooks-Hale | evan@example.com").
_SIGN_OFF = re.compile(r"(?:(?:(?<=[.!?])|(?<=\n))\s*(?:[^\w\s.,!?'\"“”]+\s*)?"  # an emoji may come between
                       r"|(?<=[\u2600-\u27bf\ufe0f\U0001f300-\U0001faff])\s+)"  # or stand for the full stop
                       r"([^\W\d_a-z][\w'-]+(?:\s+[^\W\d_a-z]\.)?(?:\s+[\"“][^\"”\n]{1,15}[\"”])?"
                       r"(?:\s+[^\W\d_a-z][\w'-]+){1,2})"
                       r"\s*(?:[|•·/,\n]\s*(?:\S+@\S+|[\d()+. -]{7,}))?\s*[.!]?" + _CLASS_LINE + r"\s*$")
# "<Full Name> here", "<Full Name>, 10th grade", "<Full Name> (she/her)", "-- <Full Name>, 8th grade" heading it,
# also after a greeting ("heyyy ... here") or "from" ("from <Full Name>, 8th grade: ...").
# In lower case too before "here" ("hi!! mackenzie le here"); "ici"/"aquí" are "here" in French and Spanish.
_HERE = r"(?:here|asking|speaking|ici|aqu[ií])\b"
_NAME_HERE = re.compile(r"(?:^(?i:h+i+|he+y+|yo+|hello+|sup|ok)[!.,]*\s+|^\s*(?:-{1,2}|—|–|~)\s*|^|(?<=[.!?,]\s)"
                        r"|(?<=\bfrom\s))"
                        r"(" + _FULL_NAME + r"|[^\W\d_][\w'-]+\s+[^\W\d_][\w'-]+(?=\s+" + _HERE + r"))"
                        r"(?:\s+" + _HERE + r"|\s*[,.–—|•-]?\s*(?:\d{1,2}(?:st|nd|rd|th)\s+grade|grade\s+\d|"
                        r"period\s+\d|junior|senior|freshman|sophomore)\b|\s*\((?i:he|she|they|xe|ze|any)/\w+\))")
# A full name heading the message before a dash ("<First> <Last> — do lawyers ..."), or after a closing word
# anywhere ("sincerely, <First> <Last> (...) how many ...", "Best,\n<J.> <Last>\n(...)").
_NAME_HEADING = re.compile(r"^\s*([^\W\d_a-z][\w'-]+\s+[^\W\d_a-z][\w'-]+)(?:\s*\([^()\n]{0,40}\))?\s*[–—]\s"
                           r"|\b(?:(?i:sincerely|signed|regards|respectfully)[,:]?\s+"
                           r"|(?i:best|cheers|warmly|thanks),[ \t]*\n\s*)"
                           r"((?:[^\W\d_a-z]\.|[^\W\d_a-z][\w'-]+)(?:\s+[^\W\d_a-z][\w'-]+){1,2})")
# "<Full Name> is my name": the name said first.
_NAME_IS_MINE = re.compile(r"(?:^|(?<=[.!?,]\s))([^\W\d_a-z][\w'-]+(?:\s+[^\W\d_a-z][\w'-]+){1,2})"
                           r"\s+(?i:is|=)\s+(?i:my)\s+(?i:full |real |whole |legal |first and last )?(?i:name)\b")
# Two or three capitalised words, with name particles between them ("Pieter van der Berg", "Ana de la Cruz").
_CAPITALISED_NAME = re.compile(
    r"[^\W\d_a-z](?:[^\W\d_]|['-])*(?: " + _NAME_PARTICLES + r")*(?: [^\W\d_a-z](?:[^\W\d_]|['-])*)"
    r"(?:(?: " + _NAME_PARTICLES + r")* [^\W\d_a-z](?:[^\W\d_]|['-])*)?"
)
_NICKNAME = re.compile(r"[ \t]+[\"“‘'][^\W\d_][\w'-]*[\"”’'](?=[ \t])")  # ' “Sam”' between a first and last name
_INITIALS = re.compile(r"(?-i:[A-Z])\.(?:\s?(?-i:[A-Z])\.)*(?=[ \t]+[^\W\d_a-z])")  # "A.J. " before a capital
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['-])*")  # letters of any alphabet: "Chloé", "Jae-won", "O'Brien"
_NAME_STOP = {
    "not", "no", "a", "an", "the", "and", "but", "or", "so", "i", "im", "is", "from", "in", "at", "on", "to",
    "of", "for", "with", "btw", "lol", "here", "there", "just", "really", "secret", "private", "none",
    "nobody", "unknown", "irrelevant", "important", "whatever", "idk", "dont", "don't", "doesn't", "doesnt",
    "how", "what", "why", "when", "where", "who", "which", "can", "could", "would", "should", "will", "do",
    "does", "did", "am", "are", "was", "were", "be", "been", "my", "your", "you", "me", "we", "they", "it",
    "this", "that", "these", "those", "also", "too", "very", "kinda", "sorta", "like", "literally", "actually",
    "grade", "grader", "student", "junior", "senior", "freshman", "sophomore", "interested", "thinking",
    # the last word of a school or an institution, never of a person ("the U.S. Naval Academy")
    "academy", "university", "college", "institute", "school", "hospital", "center", "corps", "army", "navy",
}
# The crisis detector's key words (bot/safety/text.py) and its slang: never part of a name.
_CRISIS_WORDS = frozenset(KEY_WORDS) | {"unalive", "unaliving", "kms", "ctb", "sewerslide", "suicidal", "die", "dead"}
# Who a student says they are that is not a name ("im Mexican American", "i'm Catholic"): not masked after
# weak introductions.
_NOT_NAMES = {
    "american", "african", "mexican", "latino", "latina", "latinx", "hispanic", "asian", "black", "white",
    "native", "indigenous", "chinese", "korean", "japanese", "vietnamese", "filipino", "indian", "pakistani",
    "arab", "muslim", "christian", "catholic", "jewish", "hindu", "buddhist", "sikh", "puerto", "rican",
    "cuban", "dominican", "haitian", "jamaican", "nigerian", "somali", "ethiopian", "irish", "italian",
    "german", "french", "polish", "russian", "ukrainian", "canadian", "british", "english", "spanish",
    "bilingual", "trilingual", "deaf", "blind", "autistic", "adhd", "dyslexic", "gay", "trans", "bi",
}


@dataclass(frozen=True)
class Masked:
    """A message with its personal details replaced, and which kinds were found."""

    text: str
    kinds: Tuple[str, ...] = field(default_factory=tuple)

    @property
    def changed(self) -> bool:
        """True if anything was masked."""
        return bool(self.kinds)


@lru_cache(maxsize=1)
def first_names() -> FrozenSet[str]:
    """Lowercase first names (U.S. Census 1990 lists, bot/safety/first-names.txt)."""
    path = Path(__file__).with_name("first-names.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _given_name(lowered: str) -> bool:
    """A given name: in the first-name lists, or hyphenated with a listed first part ("jin-woo", not "well-known")."""
    if lowered in first_names():
        return True
    parts = lowered.split("-")
    return (len(parts) > 1 and parts[0] in first_names()
            and all(part and part not in common_words() for part in parts[1:]))


# What a message is sent from: "this is Rachel Goldberg's account" names whoever the student is writing as.
_WHOSE_DEVICE = re.compile(r"\s+(?:school |old |work |new )?(?:account|phone|laptop|chromebook|computer|tablet|ipad|"
                           r"email|e-mail|login|profile|device|number)\b", re.IGNORECASE)


def _could_be_name(token: str, lowered: str, first: bool) -> bool:
    """A word that can be part of a name: not a frequent English word, unless it is a first name ("Grace")."""
    return lowered not in common_words() or (first and lowered in first_names())


def _name_span(text: str, start: int, strong: bool) -> Tuple[int, int]:
    """The span of up to three name words from ``start`` (empty if none qualify).

    After a strong introduction ("my name is") a capitalised word always counts and a
    lowercase one unless it is a frequent English word ("my name is hard to spell").
    After a weak one ("i'm", "call me") a word counts only if it could be a name, and
    lowercase words only as a first name and a last name together ("im kevin o'brien",
    not "im super tired"); two or three capitalised words in a row count as a full name
    when the first could be a name ("this is Jae-won Park", not "I'm Taking AP Bio").
    """
    if not strong:
        run = _CAPITALISED_NAME.match(text, start)
        words = [w for w in (run.group(0).split() if run else []) if w[0].isupper()]
        if (run and len(words) in (2, 3) and len(words) == len(run.group(0).split())
                and re.fullmatch(r"[^\W\d_][\w-]*[’']s", words[-1]) and words[0].lower() in first_names()
                and not any(w.lower() in _NAME_STOP or w.lower() in _NOT_NAMES for w in words[:-1])
                and _WHOSE_DEVICE.match(text, run.end())):
            return start, run.end() - 2  # "this is Rachel Goldberg's account": the full name, not its "'s"
        if (run and len(words) == 3 == len(run.group(0).split()) and words[1].lower() in first_names()
                and not any(w.lower() in _NAME_STOP or w.lower() in _NOT_NAMES for w in words)
                and _could_be_name(words[2], words[2].lower(), first=False)):
            return start, run.end()  # "call me Big Mike Johnson": a nickname before a first name and a surname
        if run and len(words) >= 2:
            lowered_words = [w.lower() for w in words]
            if (not any(w in _NAME_STOP or w in _NOT_NAMES or w in _CRISIS_WORDS or w.endswith("'s")
                        for w in lowered_words)
                    and (lowered_words[0] in first_names() or not _title_case(text))
                    and (_could_be_name(words[0], lowered_words[0], first=True)
                         or (len(words) == 2 and _could_be_name(words[-1], lowered_words[-1], first=False)
                             and _ends_clause(text, run.end())))):
                return start, run.end()  # "this is Jae-won Park"; "im Dev Patel and ..." (a surname after a word)
    end = start
    taken = 0
    position = start
    lowercase = 0
    first_word = ""
    while taken < 3:
        gap = re.match(r"[ \t]*", text[position:])
        position += gap.end() if gap else 0
        initials = _INITIALS.match(text, position)
        if initials:  # "my name is A.J. Thompson": initials, then the surname
            first_word = first_word or initials.group(0).lower()
            taken += 1
            end = position = initials.end()
            continue
        word = _WORD.match(text, position)
        if not word:
            break
        token = word.group(0)
        lowered = token.lower().strip("'-")
        if lowered in _NAME_STOP:
            break
        capitalised = token[0].isupper()
        if lowered in _CRISIS_WORDS:
            break  # "i'm finna unalive": a name never swallows the words the crisis detector reads
        if not strong and (lowered in _NOT_NAMES or lowered.endswith("'s")):
            break  # "im Mexican American", "this is Kevin's question": not an introduction of a name
        if taken and re.fullmatch(_NAME_PARTICLES, lowered):
            particles = re.match(rf"(?:{_NAME_PARTICLES}\s+)+([^\W\d_][\w'-]*)", text[position:], re.IGNORECASE)
            surname = particles.group(1).lower() if particles else ""
            if particles and (particles.group(1)[0].isupper() or first_word in first_names()
                              or (first_word not in common_words() and surname not in common_words()
                                  and surname not in _NAME_STOP)):
                # "Sebastián de la Cruz", "ethan van der berg", "rhys van wyk": the particles and the name
                end = position = position + particles.end()
                taken += 1
                continue
            if strong and token[0].isupper() and _ends_clause(text, word.end()):
                taken += 1  # "my name is Ava Le, 8th grade": a short surname that is also a particle
                end = position = word.end()
            break
        if strong and taken == 1 and _given_name(first_word) and _given_name(lowered) and not capitalised:
            after = _WORD.match(text, word.end() + 1)
            if (text[word.end():word.end() + 1] == " " and after and after.group(0).isalpha()
                    and after.group(0).lower() not in _NAME_STOP
                    and _could_be_name(after.group(0), after.group(0).lower(), first=False)):
                taken += 1  # "my name is emily rose parker": a middle name that is also a word, then the surname
                end = position = word.end()
                continue
        if (strong and taken == 1 and (_given_name(first_word) or first_word not in common_words())
                and token.isalpha() and _ends_clause(text, word.end())):
            taken += 1  # "my name is olivia brown.", "jinwoo park and i": a surname that is also a word
            end = position = word.end()
            break
        if not (strong and capitalised) and not _could_be_name(token, lowered, first=taken == 0):
            break
        lowercase += not capitalised
        first_word = first_word or lowered
        taken += 1
        end = position = word.end()
        nickname = _NICKNAME.match(text, position) if taken == 1 else None
        if nickname:
            position = nickname.end()  # 'Samantha “Sam” Wright': a nickname in quotes between the names
        if text[position:position + 1] not in {" ", "\t"}:
            break
    if (not strong and taken == 1 and lowercase and _given_name(first_word) and first_word not in common_words()
            and (second := _WORD.match(text, end + 1)) is not None and text[end:end + 1] == " "
            and second.group(0).isalpha() and second.group(0).lower() not in _NAME_STOP
            and re.match(r"\s*(?:$|[.,!?;:]|(?:btw|lol|here|and)\b)", text[second.end():], re.IGNORECASE)):
        taken, end = 2, second.end()  # "hi im kevin park btw": a first name and a surname that is also a word
    if not strong and lowercase and taken < 2:
        return start, start
    if not strong and taken == 1 and not _given_name(first_word):
        return start, start  # "I'm Undecided", "I'm Stressed": one word after "i'm" is a name only if it is one
    return start, end if taken else start


def _title_case(text: str) -> bool:
    """True for a message Written Like This: capitals then say nothing about names ("I'm Undecided About ...")."""
    words = _WORD.findall(text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_EMAIL_GIVEN = re.compile(r"\b(?:e-?mail|address)(?: address)?(?: is|:| =| me at| me|'s)\s*$", re.IGNORECASE)


def _spelled_email_spans(text: str) -> List[Tuple[int, int]]:
    """Emails spelled out to dodge filters (see ``_EMAIL_SPELLED``)."""
    spans = []
    for match in _EMAIL_SPELLED.finditer(text):
        whole, local, domain = match.group(0), match.group(1), match.group(2)
        bracketed = re.search(r"[\[({<]\s*at\s*[\])}>]", whole, re.IGNORECASE) is not None
        provider = re.split(r"\s*[\[({<]?\s*dot\s*[\])}>]?\s*|\.", domain.lower())[0] in _MAIL_PROVIDERS
        address_like = re.search(r"[\d._]|\bdot\b", local, re.IGNORECASE) is not None
        spelled_dot = re.search(r"\bdot\b", whole, re.IGNORECASE) is not None
        provider = provider and local.lower() not in _NAME_STOP  # "should my email be at gmail.com"
        given = _EMAIL_GIVEN.search(text[:match.start()]) is not None  # "my email is bigmike at example.com"
        if bracketed or provider or address_like or given or (spelled_dot and local.lower() not in common_words()):
            spans.append(match.span())  # not "look at google dot com" (a word before "at", no mail provider)
    return spans


def _ends_clause(text: str, position: int) -> bool:
    """True when ``text`` ends at ``position`` or a clause does (punctuation, "and", "but", "from", ...)."""
    return re.match(r"\s*(?:$|[.,!?;:)]|(?:and|but|so|from|in|at|i|im|i'm|btw|lol)\b)", text[position:],
                    re.IGNORECASE) is not None


# One first name signed at the very end, after a dash on a new line, a tilde or a closing word: "\n- Marcus",
# "~Jenna", "xoxo Bella", "love, Bella". Capitalised, and a first name or no frequent English word.
_SIGNED_FIRST = re.compile(r"(?:\n\s*(?:-{1,2}|—|–)\s*|(?:^|\s)~\s*|\b(?:xoxo|love|luv|hugs|sincerely|signed|"
                           r"respectfully|regards|cheers)[,:]?\s+)((?-i:[A-Z])[a-z]+(?:-(?-i:[A-Z])[a-z]+)?)\s*[.!]?\s*$",
                           re.IGNORECASE)


def _signed_first_name(text: str) -> List[Tuple[int, int]]:
    """A first name signed alone at the end of a message (see ``_SIGNED_FIRST``)."""
    match = _SIGNED_FIRST.search(text)
    if match is None or not text[:match.start()].strip():
        return []
    word = match.group(1)
    name = word.lower()
    if not _could_be_name(word, name, first=True) or name in _NAME_STOP or name in _CRISIS_WORDS:
        return []
    return [match.span(1)]


def _signature_spans(text: str) -> List[Tuple[int, int]]:
    """Names signed at the end of a message or said as "<Full Name> here" or "<Full Name> is my name".

    Two to four words that could be a name (not frequent English words; the first may be a first name).
    """
    spans = []
    for pattern in (_SIGNATURE, _NAME_HERE, _NAME_IS_MINE, _SIGN_OFF, _NAME_HEADING):
        for match in pattern.finditer(text):
            group = 1 if match.group(1) else 2
            words = match.group(group).split()
            lowered = [w.lower() for w in words]
            if any(w in _NAME_STOP or w in _CRISIS_WORDS for w in lowered):
                continue
            if pattern is _SIGN_OFF and not (text[:match.start(1)].strip() and all(
                    _could_be_name(word, low, first=i == 0) or re.fullmatch(r"[^\W\d_]\.", word)
                    for i, (word, low) in enumerate(zip(words, lowered, strict=True)))):
                continue  # only after something else was said, and only words that could be names ("Go Team": no)
            capitalised_first = words[0][0].isupper() and _could_be_name(words[0], lowered[0], first=True)
            name_like = [_could_be_name(word, low, first=i == 0) or re.fullmatch(_NAME_PARTICLES, low) is not None
                         or re.fullmatch(r"[^\W\d_]\.", word) is not None  # a middle initial
                         or (i > 0 and capitalised_first and word[0].isupper())  # "Kevin J. Park"
                         for i, (word, low) in enumerate(zip(words, lowered, strict=True))]
            # a known first name, a middle initial and a last name, in any case ("- xavier m. bell")
            initialled = (len(words) == 3 and re.fullmatch(r"[^\W\d_]\.", words[1]) is not None
                          and lowered[0] in first_names())
            if all(name_like) or initialled:
                spans.append(match.span(group))
    return spans


# Introductions after which one word is enough to mask ("my last name is Okafor"); after the others a first
# name alone ("my name is Jordan", "hi im Maya") is not a full name and stays, unless the message also gives
# another part of the name ("my first name is Lucas and my last name is Fernandes").
_PART_OF_NAME = re.compile(r"\b(?:last|sur|family|full|legal|whole|complete|birth)\s*name", re.IGNORECASE)


# Forms that ask for the surname first: "name (last, first): Suzuki, Hana", "Last, First: Park, Min".
_LAST_FIRST = re.compile(r"\b(?:name\s*\(\s*last\s*,\s*first\s*\)|last\s*,\s*first)\s*:\s*"
                         r"([^\W\d_][\w'-]+,\s*[^\W\d_][\w'-]+)", re.IGNORECASE)


def _name_spans(text: str) -> List[Tuple[int, int]]:
    spans = _signature_spans(text) + _signed_first_name(text) + _spans(_LAST_FIRST, text, 1)
    spans += _spans(_PARENTS_NAMED, text, 1) + _spans(_RELATIVE_IN_BRACKETS, text, 1) + _listed_name_spans(text)
    single: List[Tuple[int, int]] = []
    for strong, pattern in ((True, _STRONG_INTRO), (False, _WEAK_INTRO), (False, _RELATION_NAMED)):
        for intro in pattern.finditer(text):
            start, end = _name_span(text, intro.end(), strong)
            if end <= start:
                continue
            if len(_WORD.findall(text[start:end])) > 1 or _PART_OF_NAME.search(intro.group(0)):
                spans.append((start, end))
            else:
                single.append((start, end))
    single = list(dict.fromkeys(single))  # "you can call me Ty" is found by "call me" too: one first name
    if len(single) > 1 or (single and spans) or any(_said_with_surname(text, span) for span in single):
        spans += single
    return spans


def _said_with_surname(text: str, span: Tuple[int, int]) -> bool:
    """True when an introduced first name appears elsewhere with a surname after it ("I'm Ana. Ana Torres")."""
    first = text[span[0]:span[1]]
    for match in re.finditer(rf"\b{re.escape(first)}\s+([^\W\d_][\w'-]+)", text):
        after = match.group(1)
        if match.start() != span[0] and after[0].isupper() and _could_be_name(after, after.lower(), False):
            return True
    return False


def _repeated_name_spans(text: str, names: List[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """The introduced names' words wherever else they appear ("I'm Sam. Sam Rivera.").

    A capitalised word right after them that could be a name goes too (the surname the introduction left out).
    """
    words = {w for s, e in names for w in _WORD.findall(text[s:e]) if len(w) > 1}
    if not words:
        return []
    spans = []
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words)) + r")\b")
    for match in pattern.finditer(text):
        end = match.end()
        after = re.match(r" ((?:[^\W\d_]|['-])+)", text[end:])
        if after and after.group(1)[0].isupper() and _could_be_name(after.group(1), after.group(1).lower(), False):
            end += after.end()
        spans.append((match.start(), end))
    return spans


def _spans(pattern: re.Pattern, text: str, group: int = 0) -> List[Tuple[int, int]]:
    return [m.span(group) for m in pattern.finditer(text)]


# The city, state and ZIP code after a street address, on the same line or the next ("City: Plano TX 75023").
_CITY_LINE = re.compile(r"(?:,?[ \t]+|[ \t]*\n[ \t]*"
                        r"(?:(?i:city(?:,? state)?(?: and zip| & zip|,? zip)?)[ \t]*:[ \t]*)?)"
                        r"[A-Z][a-zA-Z.'-]+(?:[ \t]+[A-Z][a-zA-Z.'-]+){0,2},?[ \t]+(?:[A-Z]{2}|[A-Z][a-z]+)\.?,?[ \t]+"
                        r"\d{5}(?:-\d{4})?\b")


def _with_city_lines(text: str, spans: List[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """Each address span stretched over a city, state and ZIP code right after it."""
    stretched = []
    for start, end in spans:
        city = _CITY_LINE.match(text, end)
        stretched.append((start, city.end() if city else end))
    return stretched


def _address_spans(text: str) -> List[Tuple[int, int]]:
    """Street addresses, PO boxes and numbered roads, each with the city, state and ZIP code after it."""

    def plausible(match: Match[str]) -> bool:
        words = match.group(1).lower().split()
        if re.match(r"(?:19|20)\d{2}\s", match.group(0)) and _TIME_WORD_BEFORE.search(text[:match.start()]):
            return False  # "back in 1995 lawyers made way less": a year, not a house number
        return not any(w.strip(".") in _NOT_STREET_NAMES or w.isdigit() for w in words)

    spans: List[Tuple[int, int]] = []
    position = 0
    while (match := _ADDRESS.search(text, position)) is not None:
        if plausible(match):  # "4419 or at 9 Willow Way" is not one, but "9 Willow Way" inside it is
            spans.append(match.span(0))
            position = match.end()
        else:
            position = match.start() + 1
    return _with_city_lines(text, spans + _spans(_PO_BOX, text)
                            + [m.span(0) for m in _ADDRESS_IN_WORDS.finditer(text) if plausible(m)]
                            + _spans(_BROADWAY, text) + _spans(_ADDRESS_IN_WORDS_AFTER, text, 1)
                            + _spans(_HOME_PARK, text)
                            + _spans(_ADDRESS_SPANISH, text) + _spans(_ADDRESS_ROUTE, text)
                            + _spans(_ADDRESS_AFTER, text, 1) + _spans(_ADDRESS_NUMBER_AFTER, text)
                            + _spans(_ADDRESS_NUMBER_ON, text))


# A full name written right before a contact detail: "Bianca Esposito, bianca@school.net", "my mom Karen Whitfield
# at 615-555-0172", "Evan Brooks-Hale | evan@x.com".
_BEFORE_CONTACT = re.compile(r"(?:\s*[,|/•-]\s*(?:\d{1,2}(?:st|nd|rd|th)\s+grade|grade\s+\d{1,2}|class of \d{4}|"
                             r"period \d|junior|senior|freshman|sophomore))?"
                             r"(?:\s*[,.|:;/(-]{1,2}\s*|\s+(?:at|on|@)\s+|\s+"
                             r"|\s*,?\s+(?:and\s+)?(?:my|her|his|their)\s+"
                             r"(?:email|e-mail|mail|number|phone|cell|phone number|cell number)"
                             r"(?:\s+address)?(?:\s+is|:)?\s+)$", re.IGNORECASE)
# A family member named with the message's contact details: "my mom is Sandra Kim and her number is ...",
# "my dad, Robert Mendez, can be reached at ...".
_FAMILY_NAMED = re.compile(
    r"\b(?:my (?:mom|mother|dad|father|brother|sister|aunt|uncle|cousin|grandma|grandpa|grandmother|grandfather|"
    r"stepmom|stepdad|step dad|step mom|stepmother|stepfather|guardian|parent)(?:'s name is|s name is| is|'s|,| named|"
    r" called|\s*\()|(?:guardian|parent|emergency contact|parent contact|contact|mom|dad)\s*:)\s*"
    r"((?-i:[^\W\d_a-z][\w'-]+)(?:\s+(?-i:[^\W\d_a-z][\w'-]+)){1,2})",
    re.IGNORECASE,
)


# Someone's child or sibling named after a possessive: "this is coach Dale Hendricks' daughter Emma Hendricks".
_RELATION_NAMED = re.compile(r"(?<=\w)(?:'s|s'|')\s+(?:son|daughter|kid|child|grandson|granddaughter|nephew|niece|"
                             r"stepson|stepdaughter|brother|sister)\s+(?=(?-i:[^\W\d_a-z]))", re.IGNORECASE)


# A relative's full name in brackets: "my dad (Richard Novak) wants to know ...".
_RELATIVE_IN_BRACKETS = re.compile(
    r"\b(?:my|her|his|our|their) (?:mom|mother|dad|father|brother|sister|aunt|uncle|cousin|grandma|grandpa|grandmother|"
    r"grandfather|stepmom|stepdad|stepmother|stepfather|guardian|parent|friend|best friend|teacher|coach|boss)"
    r"\s*\(\s*((?-i:[^\W\d_a-z][\w'-]+)(?:\s+(?-i:[^\W\d_a-z][\w'-]+)){1,2})\s*\)",
    re.IGNORECASE,
)
# Three or more full names listed together: "Jaylen Carter, Ava Martin, and Sofia Delgado" (see ``_listed_name_spans``);
# two are as often companies or famous people ("Morgan Stanley and Goldman Sachs", "Grace Hopper and Ada Lovelace").
_PAIR = r"[^\W\d_a-z][\w'-]+ [^\W\d_a-z][\w'-]+"
_NAME_LIST = re.compile(r"(?<![\w'-])" + _PAIR + r"(?:(?:\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+)" + _PAIR + r"){2,}"
                        r"(?![\w'-]| [^\W\d_a-z])")


def _listed_name_spans(text: str) -> List[Tuple[int, int]]:
    """Three or more first-and-last names in a list, each first name a known one or no frequent word, one known."""
    spans = []
    for match in _NAME_LIST.finditer(text):
        pairs = list(re.finditer(_PAIR, match.group(0)))
        words = [(w, w.lower()) for m in pairs for w in m.group(0).split()]
        if any(low in _NAME_STOP or low in _NOT_NAMES or low in _CRISIS_WORDS for _, low in words):
            continue
        firsts, lasts = words[0::2], words[1::2]
        if (all(_could_be_name(w, low, first=True) for w, low in firsts)
                and all(_could_be_name(w, low, first=False) for w, low in lasts)
                and any(low in first_names() for _, low in firsts)):
            spans += [(match.start() + m.start(), match.start() + m.end()) for m in pairs]
    return spans


# Parents named together: "my parents are Michael and Sarah Goldberg", "my parents, Ana and Luis Ortiz,".
_PARENTS_NAMED = re.compile(
    r"\bmy (?:parents|folks|guardians|mom and dad|mum and dad|dad and mom)(?: are|,| named| called)\s+"
    r"((?-i:[^\W\d_a-z][\w'-]+)(?:\s+(?-i:[^\W\d_a-z][\w'-]+))?\s+(?:and|&)\s+"
    r"(?-i:[^\W\d_a-z][\w'-]+)(?:\s+(?-i:[^\W\d_a-z][\w'-]+)){0,2})",
    re.IGNORECASE,
)


def _names_before_contact(text: str, contacts: List[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """Two or three capitalised words that could be a name, directly before a phone number or email."""
    spans = []
    for start, _ in contacts:
        before = text[:start]
        gap = _BEFORE_CONTACT.search(before)
        head = before[:gap.start()] if gap else before
        run = re.search(r"(?:^|(?<=[\s(:,]))([^\W\d_a-z][\w'-]+(?:\s+[^\W\d_a-z]\.)?"
                        r"(?:\s+[^\W\d_a-z][\w'-]+){1,2})$", head)
        if not run:  # "bella santos. 555-555-0197": a first name and a surname opening the message, in lower case
            run = re.match(r"\s*([^\W\d_][\w'-]+\s+[^\W\d_][\w'-]+)$", head)
            if not run or run.group(1).split()[0].lower() not in first_names():
                continue
        words = run.group(1).split()
        lowered = [w.lower() for w in words]
        if any(w in _NAME_STOP or w in _NOT_NAMES or w in _CRISIS_WORDS for w in lowered):
            continue
        known_first = lowered[0] in first_names() and all(w[0].isupper() for w in words)  # "Hailey Price, [email]"
        if (_could_be_name(words[0], lowered[0], first=True)
                and (known_first or all(_could_be_name(w, lw, first=False) or re.fullmatch(r"[^\W\d_]\.", w)
                                        for w, lw in zip(words[1:], lowered[1:], strict=True)))):
            spans.append(run.span(1))
    return spans


def _digit_word_spans(text: str) -> List[Tuple[int, int]]:
    """Phone numbers in words, alone or mixed with numerals ("two one four 555 oh one six six"): 7 to 15 digits."""
    spans = []
    for match in _PHONE_WORDS.finditer(text):
        pieces = re.findall(r"[a-z]+|\d+", match.group(0).lower())
        digits = sum(len(p) if p.isdigit() else 1 for p in pieces)
        spelled = sum(1 for p in pieces if not p.isdigit())
        if 7 <= digits <= 15 and (spelled >= 2 or all(len(p) == 1 for p in pieces)):  # "3 0 5 5 5 ..." too
            spans.append(match.span())
    return spans


def _grouped_phone_spans(text: str) -> List[Tuple[int, int]]:
    """Ten-digit numbers (eleven with a leading 1) in groups other than 3-3-4 (``_PHONE_GROUPS``)."""
    spans = []
    for match in _PHONE_GROUPS.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if len(digits) == 10 or (len(digits) == 11 and digits.startswith("1")):
            spans.append(match.span())
    return spans


def mask(text: str) -> Masked:
    """Replace phone numbers, emails, street addresses and introduced names with placeholders."""
    if not text:
        return Masked(text or "")
    original = text
    text = text.replace("\u2019", "'").replace("\u2018", "'")  # "I’m Gabriel Silva": same length, same spans
    found: List[Tuple[int, int, str]] = []
    emails = (_spans(_EMAIL, text) + _spans(_EMAIL_SPACED, text) + _spelled_email_spans(text)
              + _spans(_EMAIL_LETTERS, text) + _spans(_EMAIL_AT_PROVIDER, text) + _spans(_EMAIL_HANDLE_AFTER, text, 1))
    # a letter o typed for a zero ("555-3o2-1184"): the same positions with the o read as 0
    zeros = _O_FOR_ZERO.sub("0", text)
    phones = (_spans(_PHONE, zeros) + _spans(_PHONE_INTERNATIONAL, text) + _spans(_PHONE_AFTER, text, 1)
              + _spans(_PHONE_LEADING_ZERO, text) + _digit_word_spans(text) + _spans(_PHONE_PIECES, text, 1)
              + _spans(_PHONE_HASH, zeros, 1) + _spans(_PHONE_GLUED, zeros, 1)
              + _spans(_PHONE_GLUED_AFTER, zeros) + _grouped_phone_spans(text))
    if _ORGANISATION_LINE.search(text):  # "is 1-800-273-8255 still the hotline?": an organisation's number stays
        phones = [(s, e) for s, e in phones if not _TOLL_FREE.match(text[s:e].strip())]
    addresses = _address_spans(text)
    for placeholder, spans in (
        (EMAIL, emails),
        (PHONE, phones),
        (ADDRESS, addresses),
        (NAME, _name_spans(text) + _names_before_contact(text, emails + phones + addresses)
         + (_spans(_FAMILY_NAMED, text, 1) if emails or phones or addresses else [])),
    ):
        if placeholder == NAME:
            spans = spans + _repeated_name_spans(text, spans)
        for start, end in spans:
            end = start + len(text[start:end].rstrip(" ,.;!?"))
            if end > start and not any(s < end and start < e for s, e, _ in found):
                found.append((start, end, placeholder))
    if not found:
        return Masked(original)
    masked = _joined(original, found)
    if any(p == NAME for _, _, p in found) and crisis.detect(text).found and not crisis.detect(masked.text).found:
        # A "name" that took words the crisis detector reads ("im writng goodby notes"): the words stay.
        found = [f for f in found if f[2] != NAME]
        masked = _joined(original, found) if found else Masked(original)
    return masked


def _joined(text: str, found: List[Tuple[int, int, str]]) -> Masked:
    """``text`` with each found span replaced by its placeholder."""
    pieces, cursor = [], 0
    for start, end, placeholder in sorted(found):
        pieces.append(text[cursor:start] + placeholder)
        cursor = end
    pieces.append(text[cursor:])
    kinds = tuple(sorted({p.strip("[]") for _, _, p in found}))
    return Masked("".join(pieces), kinds)


_PLACEHOLDER = r"\[(?:name|phone|email|address)\]"
_INTRODUCED = re.compile(
    r"(?:\b(?:my (?:full |real |first |last )?name(?:\s+is|'s|s)?|name\s*:|i am called|i'?m called|call me|this is|"
    r"i'?m|i am|it'?s|my (?:cell|phone|number|phone number|cell number|cell phone|mobile|digits|e-?mail|"
    r"e-?mail address|address|home address)(?:\s+is|\s*:)?|(?:call|text|reach|contact|hit|email|e-mail|message|dm)"
    r" me(?: up)?(?: at| on)?|i live (?:at|on)|my (?:house|home) is at)\s+)?" + _PLACEHOLDER,
    re.IGNORECASE,
)
_LEFTOVER = re.compile(r"(?:\s*(?:,|\band\b|\bor\b|&)\s*)*" + _PLACEHOLDER, re.IGNORECASE)
_EDGES = re.compile(r"^(?:[\s,.;:!-]|\band\b|\bor\b|\bbtw\b|\balso\b)+|(?:[\s,;:-]|\band\b|\bor\b)+$", re.IGNORECASE)


def without_masked_details(text: str) -> str:
    """The message without its masked details and the words that introduced them, for the intent classifier.

    "my name is [name], how much do they make?" -> "how much do they make?". The
    stored message keeps the placeholders; only what the classifier reads changes.
    """
    if "[" not in text:
        return text
    stripped = _LEFTOVER.sub(" ", _INTRODUCED.sub(" ", text))
    stripped = re.sub(r"\s+([,.;!?])", r"\1", re.sub(r"\s{2,}", " ", stripped))
    stripped = re.sub(r"([,.;])(\s*[,.;])+", r"\1", stripped)
    return _EDGES.sub("", stripped).strip() or text
