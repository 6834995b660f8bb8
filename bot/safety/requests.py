"""Two more kinds of message the safety stage recognises by their words, beside the classifier.

- A request for a real counselor or person ("can i talk to a counselor?",
  "how do i book my guidance counselor"), never a question about the counselor
  career ("how much do school counselors make").
- Insults, sexual content or harassment aimed at the bot ("ur useless",
  "send nudes"), never a student's swearing about their own day.

Both work on the normalised message (bot/safety/text.py).
"""

from __future__ import annotations

import re

from bot.safety.text import normalise

_PERSON = (
    r"(a |my |the |our |school |guidance |an |some |)(school |guidance |career |academic |)"
    r"(counselor|counsellor|counselors|counseling office|counselling office|guidance office|guidance|"
    r"real person|actual person|real human|human|human being|person|someone real|adult|teacher|staff member|"
    r"someone at (my |the )?school|someone|somebody)"
)
_COUNSELOR = [
    re.compile(r"\b(talk|speak|chat|meet|see|reach|contact|get in touch|message|connect)( with| to| in person with|)"
               r" " + _PERSON + r"\b"),
    re.compile(r"\b(book|schedule|make|get|set up)( an| a| my|)( appointment| meeting| time| session|)"
               r"( with| for|)( a| my| the| school| guidance|)( guidance| school|)"
               r" (counselor|counsellor|counseling|counselling|guidance)\b"),
    re.compile(r"\b(where|how|when)\b[\w ]{0,25}\b(counseling office|counselling office|guidance office|"
               r"my counselor|my counsellor|my guidance counselor|the counselor|a counselor)\b"
               r"(?![\w ]{0,20}\b(make|earn|paid|pay|salary|become|degree|do all day|job)\b)"),
    re.compile(r"\b(counselor|counsellor|real person|human|person)\b[\w ]{0,15}\b(i can|to) (talk|speak|chat)\b"),
    re.compile(r"\b(pass|send|give|forward) (this|my|the|it) (conversation|chat|messages?|)( on|)( to| on to)\b"),
    re.compile(r"\b(counselor|counselors|counsellor|counseling|guidance|human|real person|adult|grown up|"
               r"someone real|a person) (pls|please|now)\b"),
    re.compile(r"\b(connect|transfer|put|send) me (to|with|through to) "),
    re.compile(r"\b(need|want|get me|find me|give me) (a|an|my|the|to see a|to see my) (human|real person|counselor|"
               r"counsellor|real adult|adult|actual person|actual human|real counselor|actual counselor)\b"),
    re.compile(r"\b(counselor|counselors|counseling|counsellor|guidance) office\b"),
    re.compile(r"\b(can|could|would|will|do|does) (a|my|the|an)( school| real| actual| guidance|)"
               r" (counselor|counsellor|person|adult|human|teacher)"
               r"( from the school| at school|) (help|call|text|email|contact|reach|look|talk|see|get back)\b"),
    re.compile(r"\b(can|could|would|will) (someone|somebody|anyone)( from the school| at school| real|)"
               r" (help|call|text|email|contact|reach|look|talk|see|get back)\b"),
    re.compile(r"\b(who|where|which room) (is|are) (my|the) (guidance |school |)(counselor|counsellor|counselors)\b"),
    re.compile(r"\bwho (do|can|should) i (talk|speak|go) to\b"),
    re.compile(r"\b(is|are) (the|my) (guidance |school |)(counselor|counselors|counsellor) "
               r"(in|there|here|available|around|free|open)\b"),
]
_NOT_COUNSELOR = re.compile(
    r"\b(how much|salary|salaries|earn|earns|paid|pay|become|becoming|degree|job outlook|what do (school |guidance |)"
    r"counselors do|what does a (school |guidance |)counselor do)\b"
)

_AT_BOT = r"(you|your|this bot|the bot|ur|this thing|this chatbot|chatbot|bot|youre|u)"
_INSULT_WORDS = (
    r"(stupid|dumb|useless|trash|garbage|idiot|idiots|moron|loser|worthless|pathetic|annoying|suck|sucks|ugly|"
    r"lame|clown|dumbass|retarded|retard|brainless|braindead|brain dead|shit|crap|bitch|bastard|fake|dogshit|"
    r"a joke|a waste|the worst|worst bot|so bad|terrible|awful|slow|broken|mid|cringe|dumbest|a clanker|clanker|"
    r"a bum|bum|a loser|a piece of \w+|garbage|junk|an idiot|a moron)"
)
_BOUNDARY = [
    re.compile(r"\b" + _AT_BOT + r"\b( are| is| r|)( so| such a| a| an| really| literally| the|)( )?"
               + _INSULT_WORDS + r"\b"),
    re.compile(r"\b(stupid|dumb|useless|trash|garbage|worthless|pathetic|dumbass|idiot|shitty|crappy|lame) "
               r"(bot|chatbot|robot|ai|machine|thing|program)\b"),
    re.compile(r"\b(fuck|screw|damn|f) (you|u|off|this bot|ur)\b"),
    re.compile(r"^(stfu|shut up|go away|kys|go die|die bot|fuck off|fuck you|you suck|ur mom|your mom)\b"),
    re.compile(r"\b(shut up|stfu|kys|kill yourself|go die|drop dead)\b(?! about)"),
    re.compile(r"\b(send|show|give|want)( me|)( your| ur| some|) (nudes|nude|naked|boobs|tits|dick|pics of you)\b"),
    re.compile(r"\b(sexy|horny|porn|porno|nudes|boobs|tits|dick|penis|vagina|blowjob|cum|thot)\b"),
    re.compile(r"\b(have sex|sex with|hook up with me|hookup with me|make out with me|date me|marry me|kiss me|"
               r"be my (girlfriend|boyfriend|gf|bf|wife|husband)|are you single|sleep with me)\b"),
    re.compile(r"\b(i hate you|hate this bot|i will (hack|destroy|break) you)\b"),
    re.compile(r"^(idiot|moron|bitch|loser|clanker|stupid|dumb|trash|garbage|cringe|bum|suck it)( bot| lol| lmao|)$"),
    re.compile(r"\b(piece of (crap|garbage|junk|trash|shit|sh t)|worst bot|dumbest (ai|bot|thing)|go to hell|"
               r"cringe bot|touch grass|get a life)\b"),
    re.compile(r"\b(sext|sexting|onlyfans|virgin|bra size|feet pics|talk dirty|moan for me|hook up|"
               r"what are you wearing|see my body|im into you)\b"),
]


def asks_for_counselor(text: str) -> bool:
    """True if the message asks to talk to a counselor or a real person (not about the counselor career)."""
    normal = normalise(text)
    if _NOT_COUNSELOR.search(normal):
        return False
    return any(p.search(normal) for p in _COUNSELOR)


def crosses_boundary(text: str) -> bool:
    """True if the message insults, harasses or sexualises the bot."""
    normal = normalise(text)
    return any(p.search(normal) for p in _BOUNDARY)
