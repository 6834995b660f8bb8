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
 * This file loads widget.css and shows a chat button. Only when a student opens
 * the chat does it load, from the same bot server, config.js (where the bot's
 * socket is) and webchat.js (rasa-webchat 1.0.1 from npm, 715 KB), start the
 * widget (which opens the socket) and open it: a page view costs a few KB and
 * no connection. A student already chatting in this tab (a stored session) gets
 * the widget at once, so a page reload resumes the chat. It also labels the
 * widget's controls for screen readers and makes the bot's buttons reachable by
 * keyboard (rasa-webchat leaves both out).
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

  var loading = null;

  /* config.js, webchat.js, then the widget: once, whoever asks first. */
  function load() {
    if (!loading) {
      loading = loadScript(base + "config.js")
        .then(function () {
          return loadScript(base + "webchat.js");
        })
        .then(start);
      loading.catch(function (error) {
        loading = null; // the next click tries again
        if (window.console) {
          window.console.error("Career bot widget: " + error.message);
        }
      });
    }
    return loading;
  }

  /* rasa-webchat's own launcher, once it is on the page (it shows when the socket connects). */
  function whenLauncher(callback) {
    var waited = 0;
    var timer = window.setInterval(function () {
      var real = document.querySelector(".rw-launcher:not(.careerbot-launcher)");
      waited += 100;
      if (real || waited > 60000) {
        window.clearInterval(timer);
        if (real) {
          callback(real);
        }
      }
    }, 100);
  }

  var CHAT_ICON =
    '<svg viewBox="0 0 24 24" width="30" height="30" aria-hidden="true" focusable="false">' +
    '<path fill="#fff" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg>';

  /* The chat button shown until the student opens the chat; then rasa-webchat's own takes its place. */
  function showButton() {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "careerbot-launcher rw-launcher";
    button.setAttribute("aria-label", "Open the career chat");
    button.setAttribute("aria-expanded", "false");
    button.innerHTML = CHAT_ICON;
    button.addEventListener("click", function () {
      button.setAttribute("aria-busy", "true");
      button.title = options.connectingText || "Connecting…";
      var hadFocus = document.activeElement === button;
      load().then(function () {
        whenLauncher(function (real) {
          button.parentNode && button.parentNode.removeChild(button);
          real.click();
          if (hadFocus && !document.querySelector(".rw-new-message")) {
            real.focus();
          }
        });
      });
    });
    document.body.appendChild(button);
  }

  function hasChat() {
    try {
      return !!window.sessionStorage.getItem("chat_session");
    } catch (error) {
      return false;
    }
  }

  loadStyle(base + "widget.css");
  if (hasChat()) {
    load(); // a chat is going on in this tab: resume it at once
  } else if (document.body) {
    showButton();
  } else {
    document.addEventListener("DOMContentLoaded", showButton);
  }
})();
