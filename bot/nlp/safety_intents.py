"""The safety stage of the NLU pipeline (Rasa component): crisis first, whatever else a message says.

Runs last, after the classifiers, on every message of every channel. A message
is a ``crisis`` if the dedicated detector (bot/safety/crisis.py) finds a crisis
or a concern, or the intent classifier gives ``crisis`` at least
``crisis_threshold`` anywhere in its ranking: the detector catches phrasings the
classifier never saw, the classifier paraphrases the detector has no phrase
for. On a message naming one of the bot's careers the classifier alone needs a
higher score (``career_question_threshold``): a story around a career question
("my dad says chefs are broke, what do they make?") sounds like a crisis to it.
The classifier, trained on English, is not trusted alone on a message in
another language (the detector has phrases for them), nor on a message whose
crisis-sounding words the detector read as hyperbole ("i'm going to die of
boredom"). A crisis guess that is not trusted is ruled out: the other intents'
scores are read as shares of the rest (``without_crisis``). Otherwise a request
for a counselor or a real person becomes ``ask_counselor`` and an insult aimed
at the bot ``insult`` when their words say so (bot/safety/requests.py). The
classifier's own ranking is kept after the chosen intent, so later stages still
see it.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.interpret.language import language_of
from bot.nlp.job_titles import ORIGINAL_TEXT
from bot.safety import crisis, crisis_model, requests
from bot.safety.crisis_model import CrisisModel

INTENT_RANKING = "intent_ranking"
CRISIS_SCORE = "crisis_score"
MODEL_SCORE = "crisis_model_score"
MODEL_FILE = "crisis_model.npz"
CRISIS_INTENT = "crisis"
COUNSELOR_INTENT = "ask_counselor"
BOUNDARY_INTENT = "insult"
FALLBACK_INTENT = "nlu_fallback"
WORRY_INTENT = "share_worry"


def classifier_crisis_score(ranking: List[Dict[str, Any]]) -> float:
    """The intent classifier's ``crisis`` score in a ranking (0 when it is not there)."""
    return max((float(r.get("confidence") or 0.0) for r in ranking if r.get("name") == CRISIS_INTENT), default=0.0)


def decide(text: str, ranking: List[Dict[str, Any]], crisis_threshold: float,
           career_question_threshold: float = 1.0, names_a_career: bool = False,
           model: Tuple[float, float] = (0.0, 1.0), classifier_needs_model: float = 0.0) -> Optional[str]:
    """The safety intent a message must get, or None to keep the classifier's (pure function).

    ``names_a_career``: the message names one of the bot's careers, so the classifier's crisis score alone
    must reach ``career_question_threshold`` (stories around a career question sound like crises to it).
    ``model``: the crisis model's score, and the score it needs on this message (``model_needed``).
    ``classifier_needs_model``: the crisis model's score below which the classifier's crisis score alone is not
    trusted ("how do i stop biting my nails": the classifier 0.90, the model 0.005).
    """
    if crisis.detect(text).found:
        return CRISIS_INTENT
    crisis_score = classifier_crisis_score(ranking)
    needed = max(crisis_threshold, career_question_threshold) if names_a_career else crisis_threshold
    model_score, model_score_needed = model
    classifier_says = crisis_score >= needed and model_score >= classifier_needs_model
    if (classifier_says or model_score >= model_score_needed) and not crisis.hyperbole_found(text) \
            and language_of(text) is None:
        return CRISIS_INTENT  # the classifiers know English only: another language is the detector's to judge
    if requests.asks_for_counselor(text):
        return COUNSELOR_INTENT
    if requests.crosses_boundary(text):
        return BOUNDARY_INTENT
    return None


def next_guess(ranking: List[Dict[str, Any]]) -> str:
    """The classifier's first guess other than a crisis or "I didn't get that" ('' if none)."""
    return next((str(r["name"]) for r in ranking if r.get("name") not in {CRISIS_INTENT, FALLBACK_INTENT}), "")


def model_needed(config: Dict[str, Any], names_a_career: bool, sounds_like_worry: bool) -> float:
    """The crisis model's score a message needs: ``model_threshold``, or the stricter one that applies.

    A message naming one of the bot's careers needs ``model_career_question_threshold``; one the classifier
    hears as a worry (its next guess after a crisis is ``share_worry``) needs ``model_worry_threshold``: a
    worry about grades or the future shares words with crisis messages, and is answered as a worry.
    """
    needed = float(config["model_threshold"])
    if names_a_career:
        needed = max(needed, float(config["model_career_question_threshold"]))
    if sounds_like_worry:
        needed = max(needed, float(config["model_worry_threshold"]))
    return needed


def without_crisis(ranking: List[Dict[str, Any]], fallback_threshold: float,
                   ambiguity_threshold: float) -> Optional[Tuple[str, float]]:
    """The classifier's guess once ``crisis`` is ruled out, or None if it is still unsure (pure function).

    The other intents' scores are taken as a share of what is left ("roadmap for me": crisis 0.40, want_career
    0.33 -> 0.55), with the FallbackClassifier's thresholds: the top one must reach ``fallback_threshold`` and
    lead the next by ``ambiguity_threshold``.
    """
    crisis_score = classifier_crisis_score(ranking)
    others = sorted(((str(r["name"]), float(r.get("confidence") or 0.0)) for r in ranking
                     if r.get("name") not in {CRISIS_INTENT, FALLBACK_INTENT}), key=lambda pair: -pair[1])
    if not others or crisis_score >= 1.0:
        return None
    rest = 1.0 - crisis_score
    top, top_score = others[0][0], others[0][1] / rest
    second = others[1][1] / rest if len(others) > 1 else 0.0
    if top_score < fallback_threshold or top_score - second < ambiguity_threshold:
        return None
    return top, min(top_score, 1.0)


def _names_a_career(text: str) -> bool:
    """True if the message names one of the careers of the knowledge files (re-read when they change)."""
    from bot.knowledge.current import names_catalog

    return bool(names_catalog().find(text).careers)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class SafetyIntents(GraphComponent, IntentClassifier):
    """Overrides the intent for crisis messages, counselor requests and insults (see module docstring)."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The classifier's ``crisis`` score enough on its own, and enough on a message naming a career.

        ``crisis_threshold`` and ``career_question_threshold`` (see the module docstring); the crisis model's
        (bot/safety/crisis_model.py) ``model_threshold``, ``model_career_question_threshold`` and
        ``model_worry_threshold`` (``model_needed``), the model's score the classifier's crisis score also needs,
        ``classifier_needs_model`` (``decide``), and the inverse of its regularisation, ``model_c``.
        """
        return {"crisis_threshold": 0.5, "career_question_threshold": 0.99, "fallback_threshold": 0.5,
                "ambiguity_threshold": 0.05, "model_threshold": 0.9, "model_career_question_threshold": 0.99,
                "model_worry_threshold": 0.99, "classifier_needs_model": 0.0, "model_c": 32.0}

    def __init__(self, config: Dict[str, Any], model_storage: Optional[ModelStorage] = None,
                 resource: Optional[Resource] = None, model: Optional[CrisisModel] = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.model = model

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SafetyIntents:
        """The component, its crisis model not trained yet."""
        return cls(config, model_storage, resource)

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """The crisis model's extra examples are read from their own file: retrain when it changes."""
        return crisis_model.examples_digest()

    def train(self, training_data: TrainingData) -> Resource:
        """Train the crisis model: the NLU data's crisis examples and the extra ones against all the others."""
        positives, negatives = crisis_model.read_examples()
        for example in training_data.intent_examples:
            text = example.get(ORIGINAL_TEXT) or example.get(TEXT)
            if text:
                (positives if example.get(INTENT) == CRISIS_INTENT else negatives).append(text)
        self.model = crisis_model.train(positives, negatives, float(self.config["model_c"]))
        if self._model_storage is not None and self._resource is not None:
            with self._model_storage.write_to(self._resource) as directory:
                self.model.save(directory / MODEL_FILE)
        return self._resource  # type: ignore[return-value]

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> SafetyIntents:
        """The trained component; warms the detectors so the first message is not slow."""
        model = None
        try:
            with model_storage.read_from(resource) as directory:
                model = CrisisModel.load(directory / MODEL_FILE)
        except (ValueError, FileNotFoundError):
            pass
        component = cls(config, model_storage, resource, model)
        crisis.detect("warm up")
        requests.asks_for_counselor("warm up")
        component.model_score("warm up")
        return component

    def model_score(self, text: str) -> float:
        """The crisis model's score of a message (0 before training)."""
        return self.model.score(text) if self.model is not None else 0.0

    def _ruled_out(self, ranking: List[Dict[str, Any]]) -> Tuple[Optional[str], float]:
        """The intent once a crisis guess the classifier alone was not trusted with is ruled out (or None, 1.0).

        The other intents' scores are read as shares of the rest (``without_crisis``). Still unsure: a worry
        when the classifier's next guess is one (its words then decide, bot/interpret/worries.py), else
        "I didn't get that".
        """
        first = ranking[0].get("name")
        guess = without_crisis(ranking, float(self.config["fallback_threshold"]),
                               float(self.config["ambiguity_threshold"]))
        if guess is not None:
            return guess if first in {CRISIS_INTENT, FALLBACK_INTENT} or guess[0] == first else (None, 1.0)
        if first not in {CRISIS_INTENT, FALLBACK_INTENT}:
            return None, 1.0
        after = next_guess(ranking)
        threshold = float(self.config["fallback_threshold"])
        if after == WORRY_INTENT:
            return WORRY_INTENT, threshold
        return (FALLBACK_INTENT, threshold) if first == CRISIS_INTENT else (None, 1.0)

    def process(self, messages: List[Message]) -> List[Message]:
        """Set the safety intent first in the ranking when one applies."""
        for message in messages:
            text = message.get(ORIGINAL_TEXT) or message.get(TEXT)  # job titles matter to the crisis detector
            if not text:
                continue
            ranking = list(message.get(INTENT_RANKING) or [])
            score = classifier_crisis_score(ranking)
            message.set(CRISIS_SCORE, round(score, 4), add_to_output=True)  # the classifier's own, kept for review
            model_score = self.model_score(text)
            message.set(MODEL_SCORE, round(model_score, 4), add_to_output=True)
            threshold = float(self.config["crisis_threshold"])
            names_a_career = (score >= threshold or model_score >= float(self.config["model_threshold"])) \
                and _names_a_career(text)  # only asked when it can matter
            needed = model_needed(self.config, names_a_career, next_guess(ranking) == WORRY_INTENT)
            floor = float(self.config["classifier_needs_model"]) if self.model is not None else 0.0
            chosen = decide(text, ranking, threshold, float(self.config["career_question_threshold"]), names_a_career,
                            (model_score, needed), floor)
            confidence = 1.0
            if chosen is None and ranking and score:
                chosen, confidence = self._ruled_out(ranking)
            if chosen is None:
                continue
            intent = {"name": chosen, "confidence": confidence}
            message.set(INTENT, intent, add_to_output=True)
            message.set(INTENT_RANKING, [intent] + [r for r in ranking if r.get("name") != chosen],
                        add_to_output=True)
        return messages
