/*
 * Career bot chat widget loader.
 *
 * A school adds the chat bubble to a page with one line (see docs/website.md):
 *
 *   <script src="http://BOT-SERVER:8000/careerbot/widget.js" defer></script>
 *
 * Optional attributes on that tag: data-title, data-subtitle, and data-career
 * (a career file's id, e.g. data-career="registered-nurses") so that the chat on
 * a career's own page starts in that career.
 *
 * This file loads, from the same bot server: widget.css, config.js (where the
 * bot's socket is) and webchat.js (rasa-webchat 1.0.1 from npm), then starts
 * the widget. It also labels the widget's controls for screen readers and makes
 * the bot's buttons reachable by keyboard (rasa-webchat leaves both out).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !script.src) {
    return;
  }
  var base = new URL(".", script.src).href; // .../careerbot/
  var options = script.dataset || {};

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = src;
      tag.async = false; // run in the order added
      tag.onload = resolve;
      tag.onerror = function () {
        reject(new Error("could not load " + src));
      };
      document.head.appendChild(tag);
    });
  }

  function loadStyle(href) {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    document.head.appendChild(link);
  }

  function setAttributes(element, attributes) {
    Object.keys(attributes).forEach(function (name) {
      if (element.getAttribute(name) !== attributes[name]) {
        element.setAttribute(name, attributes[name]);
      }
    });
  }

  /* Labels and keyboard support for the parts rasa-webchat renders without them. */
  function improveAccessibility() {
    var launcher = document.querySelector(".rw-launcher");
    if (launcher) {
      var open = !!launcher.querySelector(".rw-close-launcher");
      setAttributes(launcher, {
        "aria-label": open ? "Close the career chat" : "Open the career chat",
        "aria-expanded": open ? "true" : "false"
      });
    }
    document.querySelectorAll(".rw-new-message").forEach(function (input) {
      setAttributes(input, { "aria-label": "Type your question" });
    });
    document.querySelectorAll(".rw-send").forEach(function (button) {
      setAttributes(button, { "aria-label": "Send" });
    });
    document.querySelectorAll(".rw-close-button").forEach(function (button) {
      setAttributes(button, { "aria-label": "Close the career chat" });
    });
    document.querySelectorAll(".rw-conversation-container").forEach(function (panel) {
      setAttributes(panel, { role: "dialog", "aria-label": "Career chat" });
    });
    document.querySelectorAll(".rw-messages-container").forEach(function (log) {
      setAttributes(log, { role: "log", "aria-live": "polite", "aria-label": "Conversation" });
    });
    document.querySelectorAll("div.rw-reply").forEach(function (reply) {
      setAttributes(reply, { role: "button", tabindex: "0" });
      if (!reply.dataset.careerbotKeys) {
        reply.dataset.careerbotKeys = "1";
        reply.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            reply.click();
          }
        });
      }
    });
  }

  function watchWidget() {
    var pending = false;
    var observer = new MutationObserver(function () {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(function () {
          pending = false;
          improveAccessibility();
        });
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    improveAccessibility();
    // Escape closes the chat and puts the focus back on the launcher.
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") {
        return;
      }
      var launcher = document.querySelector(".rw-launcher");
      if (launcher && launcher.querySelector(".rw-close-launcher")) {
        launcher.click();
        launcher.focus();
      }
    });
  }

  function start() {
    var config = window.CareerBotConfig;
    if (!config || !window.WebChat) {
      throw new Error("the bot server sent no configuration");
    }
    window.WebChat.default(
      {
        socketUrl: config.socketUrl,
        socketPath: config.socketPath,
        initPayload: "/greet",
        // Sent with every message as metadata; the bot reads "career" (bot/interpret/inputs.py).
        customData: options.career ? { language: "en", career: options.career } : { language: "en" },
        params: { storage: "session" },
        title: options.title || "Career helper",
        subtitle: options.subtitle || "Ask me about careers",
        inputTextFieldHint: "Type your question…",
        connectingText: "Connecting…",
        showFullScreenButton: false,
        showCloseButton: true,
        // rasa-webchat "types" each bot message for 30 ms a character (0.8 to 3 s);
        // shorter here so a long answer doesn't keep a student waiting.
        customMessageDelay: function (text) {
          return Math.min(1500, Math.max(400, String(text || "").length * 8));
        },
        withRules: false
      },
      null
    );
    if (document.body) {
      watchWidget();
    } else {
      document.addEventListener("DOMContentLoaded", watchWidget);
    }
  }

  loadStyle(base + "widget.css");
  loadScript(base + "config.js")
    .then(function () {
      return loadScript(base + "webchat.js");
    })
    .then(start)
    .catch(function (error) {
      if (window.console) {
        window.console.error("Career bot widget: " + error.message);
      }
    });
})();
