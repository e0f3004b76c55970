"""The sample export's stories: the single source of truth for SampleData/.

Room by room: the room record, its contract events, its messages (with, for
each, every finding a correct detector makes and the verdict docs/POLICY.md
gives it) and its calls (with whether a move followed). Everything here is
written by hand from docs/POLICY.md and docs/METRICS.md; build.py only checks
it for consistency and turns it into files. Contact details are fake.

Epochs (UTC): legacy until 2020-04-02, unsolicited_contact 2020-04-03 to
2020-06-25, pre_contract_on_platform from 2020-06-26. A message's context is
written "L|U|P pre/inquiry|pre/offer|active|post".

Files (see build.py): 0 export-2020-04-02.jsonl, 1 export-2020-06-26.jsonl.gz
(CRLF), 2 export-2020-08-16.jsonl.gz (two gzip members), 3
export-2020-09-30.jsonl.gz, 4 resent/export-2020-09-30-resend.jsonl.gz.
"""
from model import (Attachment, Room, allowed, call, event, excused, info, msg, violation)

# Reasons that repeat.
L_OK = "legacy: messages are not restricted"
U_OK = "unsolicited_contact epoch: contact details allowed in every phase"
P_ACTIVE = "pre_contract_on_platform: allowed during a contract"
P_POST = "pre_contract_on_platform: allowed after the contract"
P_PRE = "pre_contract_on_platform: prohibited before a contract, no exception applies"
PAY = "payment outside the platform: a violation in every epoch and phase, no exception"
LINK_OK = "a link where contact is permitted: recorded, not a violation"

ROOMS: list[Room] = [

    # ------------------------------------------------------------------ legacy
    Room(
        "r01", "Coffee logo: inquiry, offer, contract, after", client="c-northwind", freelancer="f-anna",
        plan=None, created="2020-03-02T09:00:00Z",
        story="Tom (Northwind Coffee, no plan in the room record: basic) hires Anna for a logo in March 2020. "
              "Before the contract she gives her email and he asks to pay her directly; after it ends he gives his "
              "phone. Under the legacy rule only the payment request is a violation. A completed video call in the "
              "offer stage is followed by no move.",
        contracts=[event("ct-01", "offer_sent", "2020-03-04 15:00"), event("ct-01", "started", "2020-03-06 10:00"),
                   event("ct-01", "ended", "2020-03-20 17:00")],
        messages=[
            msg("m0101", "client", "2020-03-02 09:05", "L pre/inquiry",
                "Hi Anna, we're a small roastery in Portland looking for a new logo. Budget is around $450, "
                "ideally done by March 20."),
            msg("m0102", "freelancer", "2020-03-02 09:40", "L pre/inquiry",
                "Hi Tom! Happy to help. I can send sketches by Friday. My email is anna.kowalska.design@gmail.com",
                allowed("email", "anna.kowalska.design@gmail.com", L_OK), extra={"client_version": "web-2.14.0"}),
            msg("m0103", "client", "2020-03-02 10:15", "L pre/inquiry",
                "Great. Our current logo is attached, it's from 2016.",
                attachments=[Attachment("northwind_logo_2016.png", "image")]),
            msg("m0104", "freelancer", "2020-03-04 15:30", "L pre/offer",
                "Offer sent: 3 concepts, 2 revision rounds, $450. Files as AI, SVG and PNG."),
            msg("m0105", "client", "2020-03-04 16:00", "L pre/offer",
                "Looks good. Could I pay you directly instead?",
                violation("payment_account", "pay you directly", PAY, intent="request")),
            msg("m0106", "freelancer", "2020-03-04 16:20", "L pre/offer",
                "I'd prefer to keep payment here, it protects us both."),
            msg("m0107", "freelancer", "2020-03-09 11:00", "L active",
                "First three concepts are uploaded: https://files.offplatform.example/f/9f2c1/concepts_v1.pdf",
                render="+02:00"),
            msg("m0108", "client", "2020-03-09 13:30", "L active",
                "Concept 2 it is! Can you try the cup in a warmer brown, like #8B5A2B?"),
            msg("m0109", "freelancer", "2020-03-20 16:00", "L active",
                "Final files delivered (logo_final_v3.svg, logo_final_v3.png). Thanks for a smooth project!"),
            msg("m0110", "client", "2020-03-23 09:00", "L post",
                "Thanks Anna. For future work, my direct line is +1 503 555 0147.",
                allowed("phone", "+1 503 555 0147", L_OK)),
        ],
        calls=[call("call-01", "client", "completed", "2020-03-05 14:00", "2020-03-05 14:25", "video",
                    "pre_contract", None, "completed; the next message is four days later")],
    ),

    Room(
        "r02", "Shopify store build", client="c-lumen", freelancer="f-marco", plan="plus",
        created="2020-03-03T08:00:00Z",
        story="Sofia (Lumen Candles, plus plan) has Marco customise her Shopify theme. During the contract he gives "
              "his Telegram, she shares a staging link, he proposes Zoom after a failed platform call, and he posts "
              "his IBAN for the second milestone: only the IBAN is a violation in the legacy epoch.",
        contracts=[event("ct-02", "offer_sent", "2020-03-05 12:00"), event("ct-02", "started", "2020-03-06 09:00"),
                   event("ct-02", "ended", "2020-03-30 18:00")],
        messages=[
            msg("m0201", "client", "2020-03-03 08:10", "L pre/inquiry",
                "Hello Marco, we need our Shopify theme customised for spring: new product page and a quiz. "
                "Deadline 2020-03-27."),
            msg("m0202", "freelancer", "2020-03-03 09:00", "L pre/inquiry",
                "Hi Sofia, sure. I've done 12 Shopify builds and v2.3 of my quiz app is live. Which theme version "
                "are you on, 1.8.0?"),
            msg("m0203", "freelancer", "2020-03-05 12:30", "L pre/offer",
                "Offer sent. Milestone 1: product page (€600), milestone 2: quiz (€400)."),
            msg("m0204", "freelancer", "2020-03-06 09:30", "L active",
                "Kick-off! My Telegram is @marco_rossi_dev if you want quick updates.",
                allowed("messaging_app", "Telegram is @marco_rossi_dev", L_OK, platform="telegram")),
            msg("m0205", "client", "2020-03-10 14:00", "L active",
                "Here is the staging link: https://lumen-candles-staging.myshopify.com",
                info("https://lumen-candles-staging.myshopify.com", LINK_OK)),
            msg("m0209", "freelancer", "2020-03-12 10:02:40", "L active",
                "The platform call failed on my side. Can we continue on Zoom?",
                allowed("offplatform_request", "continue on Zoom", L_OK, platform="zoom", intent="request")),
            msg("m0206", "freelancer", "2020-03-18 10:00", "L active",
                "Milestone 1 done. My bank details for milestone 2: IT60 X054 2811 1010 0000 0123 456",
                violation("payment_account", "IT60 X054 2811 1010 0000 0123 456", PAY, platform="bank_transfer")),
            msg("m0207", "client", "2020-03-18 10:30", "L active",
                "Let's keep payments on the platform please, milestone 2 is funded."),
            msg("m0208", "client", "2020-03-31 09:00", "L post",
                "Store looks great, thank you! Invoice INV-2020-0331 received.", render="frac"),
        ],
        calls=[call("call-02", "freelancer", "failed", "2020-03-12 10:00:00", "2020-03-12 10:00:40", "audio",
                    "active_contract", 2.0, "failed; Zoom proposed 2 minutes after (m0209)",
                    failure_reason="media connection timeout")],
    ),

    Room(
        "r03", "Children's book illustrations", client="c-birchpress", freelancer="f-lena", plan="basic",
        created="2020-03-02T16:00:00Z",
        story="Jonas (Birch Press) orders six illustrations from Lena, in German. After the contract a completed "
              "video call is followed 8 minutes later by her mobile number (allowed), and the next day she asks "
              "for the banner fee on her PayPal.me link (a violation).",
        contracts=[event("ct-03", "offer_sent", "2020-03-03 10:00"), event("ct-03", "started", "2020-03-03 12:00"),
                   event("ct-03", "ended", "2020-03-16 12:00")],
        messages=[
            msg("m0301", "client", "2020-03-03 09:00", "L pre/inquiry",
                "Hallo Lena, wir brauchen 6 Illustrationen für ein Kinderbuch, 21 × 21 cm, Abgabe am 16.03.2020."),
            msg("m0302", "freelancer", "2020-03-03 09:20", "L pre/inquiry",
                "Gerne! Preis: 1.250,00 € für alle sechs."),
            msg("m0303", "freelancer", "2020-03-10 15:00", "L active",
                "Sketches 1–4 are up, see sketches_1-4.pdf in the files tab."),
            msg("m0304", "freelancer", "2020-03-18 10:38", "L post",
                "Nice talking! For the extra banner, my mobile is +49 151 2345 6789.",
                allowed("phone", "+49 151 2345 6789", L_OK)),
            msg("m0305", "freelancer", "2020-03-19 08:00", "L post",
                "And for that banner (€80), my PayPal: paypal.me/lenaschmidtillustration",
                violation("payment_account", "paypal.me/lenaschmidtillustration", PAY, platform="paypal")),
            msg("m0306", "client", "2020-03-19 09:10", "L post", "Danke, erledigt. Schöne Grüße aus Hamburg!"),
        ],
        calls=[call("call-03", "client", "completed", "2020-03-18 10:00", "2020-03-18 10:30", "video",
                    "post_contract", 8.0, "completed; phone shared 8 minutes after (m0304)")],
    ),

    Room(
        "r04", "Yoga studio copy: unsolicited call in the legacy epoch", client="c-harbor", freelancer="f-omar",
        plan="basic", created="2020-03-24T10:45:00Z",
        story="Mia (Harbor Yoga) calls Omar on a number she found on his website: unsolicited contact, allowed "
              "before 2020-04-03. A failed platform call is followed 2 minutes later by his email. Her WhatsApp "
              "proposal is sent at 23:30 UTC on 2 April, written with a +02:00 offset as 01:30 on 3 April: it is "
              "still the legacy epoch and counts on 2020-04-02.",
        messages=[
            msg("m0401", "client", "2020-03-24 11:00", "L pre/inquiry",
                "Hi Omar, I need copy for 5 pages of a yoga studio site. About 2,000 words total."),
            msg("m0402", "client", "2020-03-25 09:15", "L pre/inquiry",
                "Sorry for the rush: I found your number on your personal website and called you this morning.",
                allowed("unsolicited_contact", "called you", "legacy: unsolicited contact is not restricted",
                        platform="phone")),
            msg("m0403", "freelancer", "2020-03-25 10:00", "L pre/inquiry",
                "No problem! I missed it, I was in a workshop until 11:30."),
            msg("m0404", "freelancer", "2020-03-26 08:03", "L pre/inquiry",
                "The call failed again, probably my connection. My email: omar.haddad.copy@outlook.com",
                allowed("email", "omar.haddad.copy@outlook.com", L_OK)),
            msg("m0405", "client", "2020-04-02 23:30", "L pre/inquiry",
                "Let's talk on WhatsApp, it's faster for me.",
                allowed("offplatform_request", "talk on WhatsApp", L_OK + " (23:30 UTC on 2 April)",
                        platform="whatsapp", intent="request"),
                render="+02:00"),
            msg("m0406", "freelancer", "2020-04-03 08:00", "U pre/inquiry",
                "Sure. Which hours suit you? I'm free 9:00–12:00 most days."),
        ],
        calls=[call("call-04", "client", "failed", "2020-03-26 08:00", "2020-03-26 08:01", None,
                    "pre_contract", 2.0, "failed, no media recorded; email 2 minutes after (m0404)",
                    failure_reason="ICE negotiation failed")],
    ),

    Room(
        "r05", "SEO audit: disguised details in the legacy epoch", client="c-quill", freelancer="f-daniel",
        plan="basic", created="2020-03-10T12:30:00Z",
        story="Priya (Quill & Co) asks Daniel for an SEO audit. He asks her to add him on \"sk-ype\" and she writes "
              "her email out in words: disguised, and allowed in the legacy epoch.",
        messages=[
            msg("m0501", "client", "2020-03-10 13:00", "L pre/inquiry",
                "Hi Daniel, our blog traffic dropped 40% after the March update. Can you audit it?"),
            msg("m0502", "freelancer", "2020-03-10 13:45", "L pre/inquiry",
                "Yes. Add me on sk-ype if you like, it's quicker for screen sharing.",
                allowed("offplatform_request", "Add me on sk-ype", L_OK + " (disguised Skype)", platform="skype",
                        intent="request")),
            msg("m0503", "client", "2020-03-10 14:10", "L pre/inquiry",
                "My email is priya at quillandco dot com",
                allowed("email", "priya at quillandco dot com", L_OK + " (email written out)")),
            msg("m0504", "freelancer", "2020-03-11 09:00", "L pre/inquiry", "Got it. Audit checklist v1.4 attached.",
                attachments=[Attachment("seo_audit_checklist_v1.4.pdf", "file",
                                        "SEO audit checklist v1.4 — 38 checks. Crawl budget, canonical tags, "
                                        "Core Web Vitals (LCP < 2.5 s).")]),
        ],
    ),

    Room(
        "r36", "Surf school website: meetings and an address, legacy contract", client="c-drift",
        freelancer="f-emma", plan="basic", created="2020-03-09T08:00:00Z",
        story="Kai (Drift Surf School) and Emma work under a contract from 10 March. He proposes Zoom, she sends "
              "her Calendly page, she checks the school's street address: all allowed in the legacy epoch.",
        contracts=[event("ct-36", "offer_sent", "2020-03-09 10:00"), event("ct-36", "started", "2020-03-10 09:00")],
        messages=[
            msg("m3601", "client", "2020-03-10 10:00", "L active", "Let's meet on Zoom to go over the sitemap.",
                allowed("offplatform_request", "meet on Zoom", L_OK, platform="zoom", intent="request")),
            msg("m3602", "freelancer", "2020-03-10 10:15", "L active",
                "Sure, book any slot here: https://calendly.com/emma-clarke-design/30min",
                allowed("scheduling_link", "https://calendly.com/emma-clarke-design/30min", L_OK,
                        platform="calendly")),
            msg("m3603", "client", "2020-03-11 15:00", "L active",
                "Sitemap approved: Home, Lessons, Prices (€35/hour), Contact."),
            msg("m3604", "freelancer", "2020-03-11 15:30", "L active",
                "For the contact page I'll use 14 Beach Road, Bude EX23 8HN, right?",
                allowed("postal_address", "14 Beach Road, Bude EX23 8HN", L_OK)),
        ],
    ),

    Room(
        "r43", "Café mural: offer stage in the legacy epoch", client="c-ridge", freelancer="f-hana", plan="basic",
        created="2020-03-13T08:30:00Z",
        story="Sam (Ridge Coffee Roasters) asks Hana for a mural. After her offer she points to her Instagram and "
              "he gives his UK number in national format: allowed before 2020-04-03.",
        contracts=[event("ct-43", "offer_sent", "2020-03-16 09:00")],
        messages=[
            msg("m4301", "client", "2020-03-13 09:00", "L pre/inquiry",
                "Hi Hana, we love your style. We need a mural design for our café wall, 4 × 2.5 m."),
            msg("m4302", "freelancer", "2020-03-16 10:00", "L pre/offer",
                "Offer sent! More of my murals on Instagram: @hana.draws",
                allowed("social_profile", "Instagram: @hana.draws", L_OK, platform="instagram")),
            msg("m4303", "client", "2020-03-16 10:30", "L pre/offer", "Nice! My cell is 020 7946 0321.",
                allowed("phone", "020 7946 0321", L_OK)),
        ],
    ),

    # ------------------------------------------------------- unsolicited_contact
    Room(
        "r06", "Podcast editing: inquiry in the unsolicited_contact epoch", client="c-gridcast",
        freelancer="f-jun", plan="basic", created="2020-04-06T09:30:00Z",
        story="Leo (Gridcast) asks Jun to edit episodes. Jun shares his Skype ID and a phone in full-width digits, "
              "Leo asks for WhatsApp: from 2020-04-03 sharing is still allowed in every phase. A completed audio "
              "call is followed by no move.",
        messages=[
            msg("m0601", "client", "2020-04-06 10:00", "U pre/inquiry",
                "Hello Jun, we need 8 podcast episodes edited, 45 min each. Sample: episode_12_raw.wav"),
            msg("m0602", "freelancer", "2020-04-06 10:30", "U pre/inquiry",
                "こんにちは! Happy to. My rate is ¥4,000 per episode. Skype: live:jun.tanaka.audio",
                allowed("messaging_app", "live:jun.tanaka.audio", U_OK, platform="skype")),
            msg("m0603", "client", "2020-04-06 11:00", "U pre/inquiry",
                "What's your WhatsApp? I'm mostly on my phone.",
                allowed("offplatform_request", "What's your WhatsApp?", U_OK, platform="whatsapp",
                        intent="request")),
            msg("m0604", "freelancer", "2020-04-06 11:20", "U pre/inquiry",
                "＋８１ ９０ １２３４ ５６７８ — that's my mobile.",
                allowed("phone", "＋８１ ９０ １２３４ ５６７８", U_OK + " (full-width digits)")),
            msg("m0605", "client", "2020-04-08 11:00", "U pre/inquiry",
                "Thanks for the call. I'll send the remaining files by Monday."),
            msg("m0606", "freelancer", "2020-04-08 11:30", "U pre/inquiry",
                "Here's a show I edited last year: https://www.gridline-stories.com/episodes/41",
                info("https://www.gridline-stories.com/episodes/41", LINK_OK)),
        ],
        calls=[call("call-05", "client", "completed", "2020-04-08 09:00", "2020-04-08 09:40", "audio",
                    "pre_contract", None, "completed; nothing off the platform within 30 minutes")],
    ),

    Room(
        "r07", "iOS app: offer never accepted", client="c-fieldnote", freelancer="f-ivan", plan="basic",
        created="2020-04-14T08:30:00Z",
        story="Grace (Fieldnote) gets an offer from Ivan that she never accepts. He shares his email (allowed in "
              "this epoch) and asks to be paid directly (a violation in every epoch). A failed audio call is "
              "followed by no move.",
        contracts=[event("ct-07", "offer_sent", "2020-04-16 12:00")],
        messages=[
            msg("m0701", "client", "2020-04-14 09:00", "U pre/inquiry",
                "Hi Ivan, we need an iOS app for field notes. Swift, iOS 13+, offline sync."),
            msg("m0702", "freelancer", "2020-04-14 09:40", "U pre/inquiry",
                "Привет! Sure, I've shipped 7 apps. Build 3.2.1 of my last one is on TestFlight."),
            msg("m0703", "freelancer", "2020-04-16 12:30", "U pre/offer",
                "Offer sent. My email, in case: ivan.petrov.ios@yandex.ru",
                allowed("email", "ivan.petrov.ios@yandex.ru", U_OK)),
            msg("m0704", "freelancer", "2020-04-17 08:00", "U pre/offer",
                "Also, would you pay me directly? It's simpler for me.",
                violation("payment_account", "pay me directly", PAY, intent="request")),
            msg("m0705", "client", "2020-04-17 09:30", "U pre/offer", "No, I'd rather keep everything on OffPlatform."),
            msg("m0706", "client", "2020-04-21 10:00", "U pre/offer",
                "The call failed yesterday. Any questions on the offer?"),
        ],
        calls=[call("call-06", "client", "failed", "2020-04-20 15:00:00", "2020-04-20 15:00:30", "audio",
                    "pre_contract", None, "failed; next message the day after", failure_reason="peer unreachable")],
    ),

    Room(
        "r08", "Gym promo video: active contract, a system message", client="c-orbit", freelancer="f-nadia",
        plan="basic", created="2020-04-20T15:30:00Z",
        story="Carla (Orbit Gym) hires Nadia for a promo. During the contract Nadia sends a Google Meet link "
              "(allowed) and her PayPal.me link (a violation). After a failed video call the platform "
              "posts its support phone number: a system message (allowed), and not a move by a participant.",
        contracts=[event("ct-08", "offer_sent", "2020-04-21 09:00"), event("ct-08", "started", "2020-04-22 09:00")],
        messages=[
            msg("m0801", "client", "2020-04-20 16:00", "U pre/inquiry",
                "Bonjour Nadia, we need a 60-second promo for our gym opening on 1 May."),
            msg("m0802", "freelancer", "2020-04-21 09:10", "U pre/offer",
                "Offre envoyée : 3 jours de montage, 900 €."),
            msg("m0803", "freelancer", "2020-04-22 10:00", "U active",
                "Let's do a kick-off: https://meet.google.com/xqv-mbtr-kwd",
                allowed("meeting_link", "https://meet.google.com/xqv-mbtr-kwd", U_OK, platform="google_meet")),
            msg("m0804", "client", "2020-04-22 10:05", "U active", "Joining now."),
            msg("m0805", "system", "2020-04-24 14:05", "U active",
                "Having trouble with calls? Our support line is +1 415 555 0100, Mon–Fri.",
                allowed("phone", "+1 415 555 0100", "the sender is the platform, not a participant")),
            msg("m0806", "client", "2020-04-24 15:00", "U active",
                "Call didn't work, no worries. Feedback on cut 1: the logo at 0:42 is too small."),
            msg("m0807", "freelancer", "2020-05-02 09:00", "U active",
                "Final export uploaded: orbit_promo_final_1080p.mp4. My PayPal, as you asked: "
                "paypal.me/nadiabenali",
                violation("payment_account", "paypal.me/nadiabenali", PAY, platform="paypal")),
            msg("m0808", "client", "2020-05-02 10:00", "U active",
                "Zoom in on the logo at the end a bit more, otherwise perfect!"),
        ],
        calls=[call("call-07", "client", "failed", "2020-04-24 14:00:00", "2020-04-24 14:00:20", "video",
                    "active_contract", None,
                    "failed; the only contact detail within 30 minutes comes from the system sender",
                    failure_reason="network lost")],
    ),

    Room(
        "r09", "Site translation: unsolicited email during the contract, IBAN after", client="c-atlas",
        freelancer="f-lucia", plan="plus", created="2020-04-05T11:30:00Z",
        story="Henrik (Atlas Travel, plus plan) has Lucía translate his booking site. During the contract he emails "
              "her Gmail, which she never offered in the room: unsolicited contact, a violation. After the "
              "contract her LinkedIn is allowed, her IBAN is a violation. A completed audio call is followed only "
              "by the LinkedIn link, which is not a move.",
        contracts=[event("ct-09", "offer_sent", "2020-04-06 10:00"), event("ct-09", "started", "2020-04-07 08:00"),
                   event("ct-09", "ended", "2020-04-30 12:00")],
        messages=[
            msg("m0901", "client", "2020-04-05 12:00", "U pre/inquiry",
                "Hola Lucía, we need our booking site translated EN→ES, about 12,000 words."),
            msg("m0902", "freelancer", "2020-04-07 08:30", "U active", "Empiezo hoy. Entrega prevista: 28/04/2020."),
            msg("m0903", "client", "2020-04-15 09:00", "U active",
                "I emailed you the glossary at your Gmail address, did it arrive?",
                violation("unsolicited_contact", "I emailed you",
                          "unsolicited contact through email, which Lucía never offered in the room",
                          platform="email")),
            msg("m0904", "freelancer", "2020-04-29 17:00", "U active",
                "Translation delivered: atlas_es_final.xlsx (11,842 words)."),
            msg("m0905", "freelancer", "2020-05-04 09:00", "U post",
                "¡Gracias! If you need more, here's my LinkedIn: https://www.linkedin.com/in/lucia-fernandez-translator",
                allowed("social_profile", "https://www.linkedin.com/in/lucia-fernandez-translator", U_OK,
                        platform="linkedin")),
            msg("m0906", "freelancer", "2020-05-05 09:00", "U post",
                "For the extra 500 words: ES91 2100 0418 4502 0005 1332 (Lucía Fernández).",
                violation("payment_account", "ES91 2100 0418 4502 0005 1332", PAY, platform="bank_transfer")),
            msg("m0907", "client", "2020-05-05 11:00", "U post", "Sent. ¡Gracias!"),
        ],
        calls=[call("call-20", "client", "completed", "2020-05-04 08:00", "2020-05-04 08:30", "audio",
                    "post_contract", None, "completed; a LinkedIn profile follows, which is not a move")],
    ),

    Room(
        "r10", "Product photos: unsolicited contact, offered and not", client="c-peak", freelancer="f-tomas",
        plan="basic", created="2020-05-11T08:30:00Z",
        story="Tomás gives Ruth (Peak Outdoor) his number during a platform call. She calls it the next day: he had "
              "offered that channel, so it is allowed. He then emails her work address, which she never offered: "
              "a violation. The phone shared during the call is not a move after it.",
        messages=[
            msg("m1001", "client", "2020-05-11 09:00", "U pre/inquiry",
                "Hi Tomás, we need product photos of 40 backpacks, white background."),
            msg("m1002", "freelancer", "2020-05-11 09:30", "U pre/inquiry",
                "Sure. My number is +34 612 345 678 if you want to talk it through.",
                allowed("phone", "+34 612 345 678", U_OK)),
            msg("m1003", "client", "2020-05-12 08:45", "U pre/inquiry",
                "I called your number yesterday evening, sorry if it was late.",
                allowed("unsolicited_contact", "I called your number", "Tomás offered his phone earlier (m1002)",
                        platform="phone")),
            msg("m1004", "freelancer", "2020-05-12 09:10", "U pre/inquiry",
                "No worries! I also emailed you at your work address with my price list.",
                violation("unsolicited_contact", "emailed you at your work address",
                          "Ruth never offered email in the room", platform="email")),
            msg("m1005", "client", "2020-05-12 09:30", "U pre/inquiry", "Got it. 40 × $35 = $1,400 works for us."),
        ],
        calls=[call("call-21", "client", "completed", "2020-05-11 09:20", "2020-05-11 09:45", "audio",
                    "pre_contract", None, "completed; the phone (m1002) was shared during the call, not after")],
    ),

    Room(
        "r11", "Olive oil labels: LinkedIn before it was offered; the epoch boundary", client="c-verde",
        freelancer="f-pavel", plan="basic", created="2020-05-30T10:00:00Z",
        story="Amaka (Verde Foods) messaged Pavel on LinkedIn before he offered it: a violation. He proposes "
              "Telegram at 22:30 UTC on 25 June (written 00:30+02:00 on the 26th): still allowed. Her request for "
              "his Telegram at 08:00 UTC on 26 June falls under the new rule: a violation.",
        messages=[
            msg("m1101", "client", "2020-06-01 10:00", "U pre/inquiry",
                "Hi Pavel, I messaged you on LinkedIn last week about our olive oil labels.",
                violation("unsolicited_contact", "messaged you on LinkedIn",
                          "Pavel had not offered LinkedIn in the room (he does so only in m1102)",
                          platform="linkedin")),
            msg("m1102", "freelancer", "2020-06-01 10:30", "U pre/inquiry",
                "Ah, I rarely check it. Here it is anyway: https://www.linkedin.com/in/pavel-novak-packaging",
                allowed("social_profile", "https://www.linkedin.com/in/pavel-novak-packaging", U_OK,
                        platform="linkedin")),
            msg("m1103", "client", "2020-06-01 11:00", "U pre/inquiry",
                "Thanks. Labels are 90 × 120 mm, 3 SKUs, print run 5,000."),
            msg("m1104", "freelancer", "2020-06-25 22:30", "U pre/inquiry",
                "Let's continue on Telegram, I'm travelling next week.",
                allowed("offplatform_request", "continue on Telegram", U_OK + " (22:30 UTC on 25 June)",
                        platform="telegram", intent="request"),
                render="+02:00"),
            msg("m1105", "client", "2020-06-26 08:00", "P pre/inquiry", "Sure, what's your Telegram?",
                violation("offplatform_request", "what's your Telegram?", P_PRE, platform="telegram",
                          intent="request")),
        ],
    ),

    Room(
        "r34", "Event photos: unsolicited WhatsApp after the contract", client="c-maple", freelancer="f-sven",
        plan="basic", created="2020-04-19T18:00:00Z",
        story="Sven photographs Chloe's (Maple Events) gala. After the contract he texts her on WhatsApp, which "
              "she never offered: a violation. Her email, given after the contract, is allowed.",
        contracts=[event("ct-34", "offer_sent", "2020-04-20 10:00"), event("ct-34", "started", "2020-04-22 08:00"),
                   event("ct-34", "ended", "2020-05-10 20:00")],
        messages=[
            msg("m3401", "client", "2020-04-21 09:00", "U pre/offer",
                "Hi Sven, the offer is in. Event is on 9 May, 18:00–23:00, about 120 guests."),
            msg("m3402", "freelancer", "2020-05-09 23:30", "U active", "Great event! 🎉 Uploading 350 photos tomorrow."),
            msg("m3403", "freelancer", "2020-05-12 10:00", "U post",
                "I texted you on WhatsApp about the album, did you see it?",
                violation("unsolicited_contact", "texted you on WhatsApp", "Chloe never offered WhatsApp in the room",
                          platform="whatsapp")),
            msg("m3404", "client", "2020-05-12 11:00", "U post",
                "Sorry, I don't use it much. My email: chloe@maple-events.ca",
                allowed("email", "chloe@maple-events.ca", U_OK)),
            msg("m3405", "freelancer", "2020-05-12 11:30", "U post", "Perfect, thanks!"),
        ],
    ),

    Room(
        "r37", "UX writer: applicant form and a Jitsi link", client="c-haven", freelancer="f-aisha", plan="basic",
        created="2020-05-18T13:30:00Z",
        story="Tobias (Haven Housing) points Aisha to an external applicant form, then sends an offer; she "
              "replies with a Jitsi link. Both allowed in the unsolicited_contact epoch.",
        contracts=[event("ct-37", "offer_sent", "2020-05-20 10:00")],
        messages=[
            msg("m3701", "client", "2020-05-18 14:00", "U pre/inquiry",
                "Hi Aisha, we're hiring a UX writer for our rental app, 3 months."),
            msg("m3702", "client", "2020-05-18 14:10", "U pre/inquiry",
                "Please also fill in our applicant form: https://forms.gle/Hv7pQm2xKc4Lw9Rt6",
                allowed("contact_form", "https://forms.gle/Hv7pQm2xKc4Lw9Rt6", U_OK, platform="google_forms")),
            msg("m3703", "freelancer", "2020-05-20 11:00", "U pre/offer",
                "Thanks for the offer! Jitsi works for me: https://meet.jit.si/haven-aisha-intro",
                allowed("meeting_link", "https://meet.jit.si/haven-aisha-intro", U_OK, platform="jitsi")),
            msg("m3704", "client", "2020-05-20 11:30", "U pre/offer", "Perfect, see you at 15:00 CET."),
        ],
    ),

    Room(
        "r41", "Motion design for an enterprise client, into the new epoch", client="c-orion",
        freelancer="f-jonas", plan="enterprise", created="2020-05-31T09:00:00Z",
        story="Rachel (Orion Media, enterprise plan) hires Jonas from 3 June to 2 July. His Vimeo preview during "
              "the contract is a plain link; his Instagram after the contract is allowed (social profiles are "
              "never excused only before a contract).",
        contracts=[event("ct-41", "offer_sent", "2020-06-01 09:00"), event("ct-41", "started", "2020-06-03 09:00"),
                   event("ct-41", "ended", "2020-07-02 17:00")],
        messages=[
            msg("m4101", "client", "2020-06-03 10:00", "U active", "Welcome aboard Jonas. Style frames due 12 June."),
            msg("m4102", "freelancer", "2020-06-24 10:00", "U active",
                "Preview: https://vimeo.com/jonasweber/orion-preview",
                info("https://vimeo.com/jonasweber/orion-preview", LINK_OK, platform="vimeo")),
            msg("m4103", "freelancer", "2020-07-03 09:00", "P post",
                "Thanks for the great project. My Instagram: @jonas.moves",
                allowed("social_profile", "Instagram: @jonas.moves", P_POST, platform="instagram")),
        ],
    ),

    Room(
        "r42", "Google Ads audit: hard negatives only", client="c-pebble", freelancer="f-oscar", plan="basic",
        created="2020-05-05T08:00:00Z",
        story="Maria (Pebble Kids) and Oscar talk prices, percentages, a tracking ID and keyword counts: nothing "
              "here is a contact detail.",
        messages=[
            msg("m4201", "client", "2020-05-05 09:00", "U pre/inquiry",
                "Hi Oscar, our Google Ads CPC went from €0.45 to €1.20 in April. Can you help?"),
            msg("m4202", "freelancer", "2020-05-05 09:30", "U pre/inquiry",
                "Yes. I'd need read access to Google Ads and Analytics (property UA-1234567-1)."),
            msg("m4203", "client", "2020-05-05 10:00", "U pre/inquiry",
                "Sure. The campaign budget is $3,500/month, 12 campaigns, 340 keywords."),
            msg("m4204", "freelancer", "2020-05-06 09:00", "U pre/inquiry",
                "Audit done: 14 issues. Top one: 23% of spend goes to 'free' queries."),
        ],
    ),

    # -------------------------------------------------- pre_contract_on_platform
    Room(
        "r12", "Sales dashboard: plain violations before a contract", client="c-kestrel", freelancer="f-sara",
        plan="basic", created="2020-07-01T08:30:00Z",
        story="Ben (Kestrel Analytics) and Sara, no contract: her email and his WhatsApp request are violations "
              "under the pre_contract_on_platform rule. A missed call is left out of the call report. His late "
              "reply is sent at 23:30 UTC on 1 July (written 01:30+02:00 on the 2nd) and counts on 1 July.",
        messages=[
            msg("m1201", "client", "2020-07-01 09:00", "P pre/inquiry",
                "Hi Sara, we need a Power BI dashboard for sales, data in SQL Server 2019."),
            msg("m1202", "freelancer", "2020-07-01 09:30", "P pre/inquiry",
                "Hi Ben! Sure. My email is sara.lindqvist@proton.me",
                violation("email", "sara.lindqvist@proton.me", P_PRE),
                files=(2, 4)),
            msg("m1203", "client", "2020-07-01 10:00", "P pre/inquiry",
                "What's your WhatsApp? Easier for quick questions.",
                violation("offplatform_request", "What's your WhatsApp?", P_PRE, platform="whatsapp",
                          intent="request"),
                extra={"reactions": [{"emoji": "👀", "by": "f-sara"}], "edited_at": None}),
            msg("m1204", "freelancer", "2020-07-01 10:20", "P pre/inquiry",
                "I'd rather keep it here for now. Is the file sales_2019_q4.csv complete?"),
            msg("m1205", "client", "2020-07-01 23:30", "P pre/inquiry",
                "Sorry for the late reply: yes, about 48k rows. Invoice #2020-117 is for the pilot.",
                render="+02:00"),
        ],
        calls=[call("call-17", "client", "missed", "2020-07-01 09:40", None, "audio", "pre_contract", None,
                    "missed: never connected, left out of the report")],
    ),

    Room(
        "r13", "Booking API: offer withdrawn, failed calls", client="c-tidal", freelancer="f-ravi", plan="basic",
        created="2020-07-06T13:30:00Z",
        story="Olivia (Tidal Studio) sends Ravi an offer and withdraws it (an `ended` event with no `started`: "
              "ignored, the room stays in the offer stage). After a failed video call she proposes Zoom 4 minutes "
              "later (a move); after another failed call he asks for Skype 31 minutes later (outside the window).",
        contracts=[event("ct-13a", "offer_sent", "2020-07-08 10:00"), event("ct-13a", "ended", "2020-07-10 10:00")],
        messages=[
            msg("m1301", "client", "2020-07-06 14:00", "P pre/inquiry",
                "Hi Ravi, we need a REST API in Django 3.0 for bookings. Rough budget $3,000."),
            msg("m1302", "freelancer", "2020-07-08 10:15", "P pre/offer", "Offer sent. My phone: +91 98765 43210",
                violation("phone", "+91 98765 43210", P_PRE)),
            msg("m1303", "client", "2020-07-09 16:04:45", "P pre/offer",
                "The video call here keeps failing. Can we continue on Zoom?",
                violation("offplatform_request", "continue on Zoom", P_PRE, platform="zoom", intent="request")),
            msg("m1304", "client", "2020-07-11 09:00", "P pre/offer",
                "We withdrew the offer to rework the scope, new one next week."),
            msg("m1305", "freelancer", "2020-07-12 10:32", "P pre/offer", "Call failed again. What's your Skype?",
                violation("offplatform_request", "What's your Skype?", P_PRE, platform="skype", intent="request")),
        ],
        calls=[
            call("call-08", "client", "failed", "2020-07-09 16:00:00", "2020-07-09 16:00:45", "video",
                 "pre_contract", 4.0, "failed; Zoom proposed 4 minutes after (m1303); exported twice",
                 failure_reason="media connection timeout", files=(2, 4)),
            call("call-09", "freelancer", "failed", "2020-07-12 10:00", "2020-07-12 10:01", "video",
                 "pre_contract", None, "failed; the Skype request (m1305) comes 31 minutes after: outside the window",
                 failure_reason="TURN allocation failed"),
        ],
    ),

    Room(
        "r14", "Patient portal research: active contract, events in another file", client="c-mosaic",
        freelancer="f-chen", plan="basic", created="2020-06-29T10:30:00Z", home_file=2,
        story="Daniela (Mosaic Health) and Chen work under a contract that starts at 09:00 on 1 July; Chen's WeChat "
              "ID sent at exactly 09:00:00 is already in the contract (allowed). Skype after a dropped call and a "
              "Whereby link after a completed call are moves; her request to pay by PayPal and her WhatsApp "
              "message to him (a channel he never offered) are violations. The contract events are in a different "
              "file from the messages.",
        contracts=[event("ct-14", "offer_sent", "2020-06-30 10:00", file=3),
                   event("ct-14", "started", "2020-07-01 09:00", file=3, render="+02:00")],
        messages=[
            msg("m1401", "client", "2020-06-29 11:00", "P pre/inquiry",
                "Hi Chen, we need 8 user interviews for our patient portal redesign."),
            msg("m1402", "freelancer", "2020-06-30 10:30", "P pre/offer", "Offer sent: 8 interviews + report, €2,400."),
            msg("m1403", "freelancer", "2020-07-01 09:00", "P active",
                "Contract started, thanks! My WeChat ID is chenwei_ux",
                allowed("messaging_app", "WeChat ID is chenwei_ux", P_ACTIVE + " (sent at the contract's start)",
                        platform="wechat")),
            msg("m1404", "freelancer", "2020-07-03 11:30", "P active",
                "Connection dropped. Skype: live:chen.wei.research",
                allowed("messaging_app", "live:chen.wei.research", P_ACTIVE, platform="skype")),
            msg("m1405", "client", "2020-07-05 10:00", "P active",
                "Could I send the second half via PayPal instead?",
                violation("payment_account", "send the second half via PayPal", PAY, platform="paypal",
                          intent="request")),
            msg("m1406", "freelancer", "2020-07-05 10:20", "P active",
                "Please keep it on the platform, milestone 2 is already set up."),
            msg("m1407", "client", "2020-07-06 09:00", "P active",
                "I found your WhatsApp number on your blog and messaged you there.",
                violation("unsolicited_contact", "messaged you there",
                          "Chen offered WeChat and Skype in the room, never WhatsApp", platform="whatsapp")),
            msg("m1408", "client", "2020-07-08 15:50", "P active",
                "Follow-up session: https://whereby.com/mosaic-research",
                allowed("meeting_link", "https://whereby.com/mosaic-research", P_ACTIVE, platform="whereby")),
            msg("m1409", "freelancer", "2020-07-09 09:00", "P active",
                "My portfolio, if your team asks: https://www.behance.net/chenwei",
                info("https://www.behance.net/chenwei",
                     "contact is permitted during a contract, so no exception is used: recorded only",
                     platform="behance")),
        ],
        calls=[
            call("call-10", "client", "dropped", "2020-07-03 11:00:00", "2020-07-03 11:17:30", "video",
                 "active_contract", 12.5, "dropped; Skype 12.5 minutes after (m1404)", failure_reason="network lost"),
            call("call-11", "freelancer", "completed", "2020-07-08 15:00", "2020-07-08 15:30", "video",
                 "active_contract", 20.0, "completed; Whereby link 20 minutes after (m1408)"),
        ],
    ),

    Room(
        "r15", "Book editing: after the contract", client="c-lark", freelancer="f-felix", plan="basic",
        created="2020-06-28T12:00:00Z",
        story="Imogen (Lark Books) and Felix finish a contract at 12:00 on 20 July; his Calendly link sent at "
              "exactly 12:00:00 is after it (allowed). His request to be paid directly for the index is a "
              "violation. A dropped audio call is followed 25 minutes later by her email (a move); a completed "
              "call with no media recorded is not followed.",
        contracts=[event("ct-15", "offer_sent", "2020-06-29 09:00"), event("ct-15", "started", "2020-06-30 08:00"),
                   event("ct-15", "ended", "2020-07-20 12:00")],
        messages=[
            msg("m1501", "freelancer", "2020-07-01 12:00", "P active",
                "Chapter 1 edits are in ch01_edited.docx, 3,400 tracked changes (sorry!)."),
            msg("m1502", "freelancer", "2020-07-20 12:00", "P post",
                "All chapters done. Here's my Calendly if you want a wrap-up chat: "
                "https://calendly.com/felix-braun/30min",
                allowed("scheduling_link", "https://calendly.com/felix-braun/30min",
                        P_POST + " (sent at the contract's end, which is exclusive)", platform="calendly")),
            msg("m1503", "freelancer", "2020-07-22 09:00", "P post",
                "For the index (not in the contract), just pay me directly, €150.",
                violation("payment_account", "pay me directly", PAY, intent="request")),
            msg("m1504", "client", "2020-07-22 10:00", "P post",
                "Happy to, but through OffPlatform please; I'll create a new milestone."),
            msg("m1505", "client", "2020-07-24 10:35", "P post",
                "Lost you there. My address for the index: imogen@larkbooks.co.uk",
                allowed("email", "imogen@larkbooks.co.uk", P_POST)),
            msg("m1506", "freelancer", "2020-07-27 11:00", "P post",
                "Index sent, 14 pages. Good luck with the launch on 15 September!"),
        ],
        calls=[
            call("call-12", "freelancer", "dropped", "2020-07-24 10:00", "2020-07-24 10:10", "audio",
                 "post_contract", 25.0, "dropped; email 25 minutes after (m1505)", failure_reason="network lost"),
            call("call-13", "client", "completed", "2020-07-27 09:00", "2020-07-27 09:20", None,
                 "post_contract", None, "completed, no media recorded; nothing within 30 minutes"),
        ],
    ),

    Room(
        "r16", "Penetration test for a business client", client="c-helix", freelancer="f-kofi", plan="business",
        created="2020-07-13T08:30:00Z",
        story="Marta (Helix Bank, business plan) and Kofi, no contract. Her email and his phone are excused as "
              "business_client; her LinkedIn is a violation all the same (social profiles are never excused "
              "before a contract). A failed video call followed only by that LinkedIn link has no move; a "
              "completed call is followed 3 minutes later by his (excused) email, which counts as a move.",
        messages=[
            msg("m1601", "client", "2020-07-13 09:00", "P pre/inquiry",
                "Hello Kofi, we need a penetration test of our web app before the Q3 release."),
            msg("m1602", "client", "2020-07-13 09:05", "P pre/inquiry",
                "We're on the business plan. My email: marta.vidal@helixbank.com",
                excused("email", "marta.vidal@helixbank.com", "business_client", "the client is on a business plan")),
            msg("m1603", "freelancer", "2020-07-13 09:30", "P pre/inquiry",
                "Thanks Marta. My mobile is +233 24 123 4567.",
                excused("phone", "+233 24 123 4567", "business_client", "the client is on a business plan")),
            msg("m1604", "client", "2020-07-13 10:00", "P pre/inquiry",
                "And my LinkedIn, so you can check who we are: https://www.linkedin.com/in/marta-vidal-ciso",
                violation("social_profile", "https://www.linkedin.com/in/marta-vidal-ciso",
                          "social profiles are never excused before a contract, not even for a business client",
                          platform="linkedin")),
            msg("m1605", "freelancer", "2020-07-14 09:33", "P pre/inquiry",
                "Great call. The scope document will come from kofi@mensah-security.com",
                excused("email", "kofi@mensah-security.com", "business_client", "the client is on a business plan")),
        ],
        calls=[
            call("call-19", "client", "failed", "2020-07-13 09:50:00", "2020-07-13 09:50:30", "video",
                 "pre_contract", None, "failed; only a LinkedIn profile follows (social_profile is not a move)",
                 failure_reason="camera permission denied"),
            call("call-14", "client", "completed", "2020-07-14 09:00", "2020-07-14 09:30", "video",
                 "pre_contract", 3.0, "completed; email 3 minutes after (m1605), excused but still a move"),
        ],
    ),

    Room(
        "r17", "Instagram for an enterprise client", client="c-vela", freelancer="f-zoe", plan="enterprise",
        created="2020-07-15T09:00:00Z",
        story="Hannah (Vela Cosmetics, enterprise plan) wants Zoë to run the brand's social media. Before the "
              "contract, Zoë's Instagram is a violation (never excused, even for a social media project), while "
              "the Teams link and her phone are excused as business_client. Paying the deposit outside the "
              "platform is a violation whatever the plan.",
        contracts=[event("ct-17", "offer_sent", "2020-07-17 10:00"), event("ct-17", "started", "2020-08-01 09:00")],
        messages=[
            msg("m1701", "client", "2020-07-15 10:00", "P pre/inquiry",
                "Hi Zoë, we need someone to manage our social media for the autumn launch (mostly Reels)."),
            msg("m1702", "freelancer", "2020-07-17 10:30", "P pre/offer",
                "Offer sent! You can see my style here: instagram.com/zoe.creates",
                violation("social_profile", "instagram.com/zoe.creates",
                          "social profiles are never excused before a contract, not even for a social media "
                          "project or an enterprise client", platform="instagram")),
            msg("m1703", "client", "2020-07-17 11:00", "P pre/offer",
                "Love it. Invite for tomorrow: https://teams.microsoft.com/l/meetup-join/vela-autumn-kickoff",
                excused("meeting_link", "https://teams.microsoft.com/l/meetup-join/vela-autumn-kickoff",
                        "business_client", "the client is on an enterprise plan", platform="teams")),
            msg("m1704", "freelancer", "2020-07-17 11:20", "P pre/offer",
                "Perfect. And my phone for the shoot day: +44 7700 900123",
                excused("phone", "+44 7700 900123", "business_client", "the client is on an enterprise plan")),
            msg("m1706", "client", "2020-07-18 09:00", "P pre/offer",
                "Could we pay the deposit outside the platform? Our finance team prefers it.",
                violation("payment_account", "pay the deposit outside the platform", PAY, intent="request")),
            msg("m1705", "freelancer", "2020-08-03 09:00", "P active",
                "First 3 Reels scheduled for 08/05, 08/07 and 08/09 at 18:00."),
        ],
    ),

    Room(
        "r18", "Interior renders: plus is not business", client="c-wren", freelancer="f-mei", plan="plus",
        created="2020-07-20T09:30:00Z",
        story="Paul (Wren Architects) says he is on the Plus plan and gives his email before a contract: the "
              "business_client exception needs a business or enterprise plan, so it is a violation.",
        messages=[
            msg("m1801", "client", "2020-07-20 10:00", "P pre/inquiry",
                "Hi Mei, we're on the Plus plan. Could you render 4 interiors? My email: paul.wren@wren-architects.com",
                violation("email", "paul.wren@wren-architects.com",
                          "a plus plan is not a business plan: no exception applies")),
            msg("m1802", "freelancer", "2020-07-20 10:30", "P pre/inquiry",
                "Happy to. Renders at 3840 × 2160, 2 rounds of changes, $220 each."),
        ],
    ),

    Room(
        "r19", "Dental clinic website: the contract that makes a relationship", client="c-juniper",
        freelancer="f-elena", plan="basic", created="2020-06-30T08:00:00Z",
        story="Ahmed (Juniper Dental) and Elena have a contract here from 12:00 on 6 July. Its events are exported "
              "in the first file, far from the messages of room r20 they govern.",
        contracts=[event("ct-19", "offer_sent", "2020-07-03 09:00", file=0),
                   event("ct-19", "started", "2020-07-06 12:00", file=0),
                   event("ct-19", "ended", "2020-07-25 12:00", file=0)],
        messages=[
            msg("m1901", "client", "2020-06-30 09:00", "P pre/inquiry",
                "Hi Elena, we need a new website for our dental clinic."),
            msg("m1902", "freelancer", "2020-07-03 09:30", "P pre/offer", "Offer sent: 5 pages, €1,800."),
            msg("m1903", "freelancer", "2020-07-10 14:00", "P active",
                "Homepage draft: https://files.offplatform.example/f/77ab/home_v2.png"),
            msg("m1904", "client", "2020-07-27 09:00", "P post", "The site is live, thank you!"),
        ],
    ),

    Room(
        "r20", "Logo refresh: existing relationship before and after", client="c-juniper", freelancer="f-elena",
        plan="basic", created="2020-07-01T09:00:00Z",
        story="The same pair talks about a second project in a new room with no contract. Ahmed's number on 2 July "
              "comes before their contract in r19 started (6 July): a violation. From 20 July they share an "
              "existing relationship, so her email and his Skype are excused; a payment request is not. A failed "
              "call is followed 19 minutes later by her email.",
        messages=[
            msg("m2001", "client", "2020-07-02 10:00", "P pre/inquiry",
                "Separate project: we also want a logo refresh. My number for this: +971 50 123 4567",
                violation("phone", "+971 50 123 4567",
                          "their contract in r19 starts only on 6 July: no relationship yet")),
            msg("m2002", "freelancer", "2020-07-02 10:30", "P pre/inquiry",
                "Let's finish the website offer first, then I'll look at the logo."),
            msg("m2003", "freelancer", "2020-07-20 09:00", "P pre/inquiry",
                "Now for the logo: my email is elena.popescu.design@gmail.com",
                excused("email", "elena.popescu.design@gmail.com", "existing_relationship",
                        "the pair's contract in r19 started on 6 July")),
            msg("m2004", "client", "2020-07-20 09:30", "P pre/inquiry",
                "Thanks. Skype: live:ahmed.juniper",
                excused("messaging_app", "live:ahmed.juniper", "existing_relationship",
                        "the pair's contract in r19 started on 6 July", platform="skype")),
            msg("m2005", "freelancer", "2020-07-21 09:00", "P pre/inquiry",
                "And for the logo you can pay me directly, no need for a new contract.",
                violation("payment_account", "pay me directly", PAY + " (not even in an existing relationship)",
                          intent="request")),
        ],
        calls=[call("call-16", "client", "failed", "2020-07-20 08:40", "2020-07-20 08:41", None, "pre_contract",
                    19.0, "failed, no media recorded; email 19 minutes after (m2003)",
                    failure_reason="ICE negotiation failed")],
    ),

    Room(
        "r21", "Freight routing: NDA versus CV", client="c-quantum", freelancer="f-tariq", plan="basic",
        created="2020-07-22T08:30:00Z",
        story="Irene (Quantum Freight) sends an NDA whose text holds the company's address, email and phone: "
              "excused as legal_document. Tariq's CV, a plain file, carries his phone: a violation. His last message "
              "has no text at all, only a photo.",
        messages=[
            msg("m2101", "client", "2020-07-22 09:00", "P pre/inquiry",
                "Hi Tariq, before we share our routing data, please sign the attached NDA.",
                excused("postal_address", "18 Harbour Road, Felixstowe IP11 3SY", "legal_document",
                        "inside a legal_document attachment", source="attachment:legal_document"),
                excused("email", "legal@quantumfreight.co.uk", "legal_document", "inside a legal_document attachment",
                        source="attachment:legal_document"),
                excused("phone", "+44 1394 600 123", "legal_document", "inside a legal_document attachment",
                        source="attachment:legal_document"),
                attachments=[Attachment(
                    "NDA_Quantum_Freight_2020.pdf", "legal_document",
                    "MUTUAL NON-DISCLOSURE AGREEMENT between Quantum Freight Ltd., 18 Harbour Road, Felixstowe "
                    "IP11 3SY, and the Consultant. Notices to: legal@quantumfreight.co.uk. Telephone: "
                    "+44 1394 600 123. Effective 22 July 2020.")]),
            msg("m2102", "freelancer", "2020-07-22 10:00", "P pre/inquiry", "Signed, see attached. My CV is attached too.",
                violation("phone", "+971 4 123 4567",
                          "a phone in a plain file attachment: legal_document does not apply",
                          source="attachment:file"),
                attachments=[
                    Attachment("NDA_signed_TAziz.pdf", "legal_document", "Signed: Tariq Aziz, 22/07/2020."),
                    Attachment("CV_Tariq_Aziz.pdf", "file",
                               "Tariq Aziz — Logistics software consultant. Phone: +971 4 123 4567. "
                               "9 years of routing and WMS projects."),
                    Attachment("headshot.jpg", "image"),
                ]),
            msg("m2103", "client", "2020-07-22 11:00", "P pre/inquiry",
                "Thanks. Routing data is in routes_2020_q2.zip (1.2 GB)."),
            msg("m2104", "freelancer", "2020-07-22 11:30", "P pre/inquiry", "",
                attachments=[Attachment("whiteboard_sketch.jpg", "image")]),
        ],
    ),

    Room(
        "r22", "Game port: system access emails", client="c-pixel", freelancer="f-kenji", plan="basic",
        created="2020-07-27T09:30:00Z",
        story="Noah (Pixelforge Games) and Kenji, before a contract. Kenji's email for the GitHub repository is "
              "excused as system_access_email; the same address for Jira and Slack is not (a chat tool is named). "
              "A phone for GitHub is never excused. Noah asking for Kenji's email for a Figma invite is excused.",
        contracts=[event("ct-22", "offer_sent", "2020-07-29 12:00")],
        messages=[
            msg("m2201", "client", "2020-07-27 10:00", "P pre/inquiry",
                "Hi Kenji, we need help porting our Unity 2019.4 game to Switch."),
            msg("m2202", "freelancer", "2020-07-27 10:30", "P pre/inquiry",
                "Sure. Please add me to the GitHub repo: kenji.sato.dev@gmail.com",
                excused("email", "kenji.sato.dev@gmail.com", "system_access_email",
                        "GitHub is named within 12 words and no chat tool")),
            msg("m2203", "freelancer", "2020-07-27 11:00", "P pre/inquiry",
                "For Jira and our Slack workspace use kenji.sato.dev@gmail.com too.",
                violation("email", "kenji.sato.dev@gmail.com",
                          "Slack (a chat tool) is named next to Jira: system_access_email does not apply")),
            msg("m2204", "freelancer", "2020-07-28 09:00", "P pre/inquiry",
                "GitHub asks for a phone for 2FA recovery on the org, mine is +81 90 8765 4321",
                violation("phone", "+81 90 8765 4321", "system_access_email is for email addresses, never phones")),
            msg("m2205", "client", "2020-07-29 12:30", "P pre/offer",
                "Offer sent. For the Figma invite, what's your email?",
                excused("offplatform_request", "what's your email?", "system_access_email",
                        "a request for an email with Figma named within 12 words", platform="email",
                        intent="request")),
            msg("m2206", "freelancer", "2020-07-29 13:00", "P pre/offer", "Same one as above, thanks."),
        ],
    ),

    Room(
        "r23", "Bakery packaging: portfolio links", client="c-sunny", freelancer="f-ola", plan="basic",
        created="2020-08-03T08:30:00Z",
        story="Ola shows Fatima (Sunny Side Bakery) her Behance page and a page of past work: both excused as "
              "portfolio_link. Fatima's Dribbble link to a designer she likes is sent by the client, so "
              "portfolio_link cannot apply, and nothing makes it a project link: info.",
        messages=[
            msg("m2301", "client", "2020-08-03 09:00", "P pre/inquiry",
                "Hi! We're a bakery in Lisbon and need packaging for 3 cake boxes."),
            msg("m2302", "freelancer", "2020-08-03 09:30", "P pre/inquiry",
                "Hi Fatima! Here's my Behance: https://www.behance.net/olanowak",
                excused("website", "https://www.behance.net/olanowak", "portfolio_link",
                        "a freelancer's link to a portfolio host", platform="behance")),
            msg("m2303", "freelancer", "2020-08-03 09:35", "P pre/inquiry",
                "Some past work for food brands: https://olanowak-studio.com/food",
                excused("website", "https://olanowak-studio.com/food", "portfolio_link",
                        "a freelancer's link with the cue \"past work\"")),
            msg("m2304", "client", "2020-08-03 10:00", "P pre/inquiry",
                "Nice. I like this designer's style a lot: https://dribbble.com/shots/1029384-Bakery-Box",
                info("https://dribbble.com/shots/1029384-Bakery-Box",
                     "sent by the client: portfolio_link is for freelancers, and no project cue is near",
                     platform="dribbble")),
            msg("m2305", "freelancer", "2020-08-03 10:20", "P pre/inquiry",
                "Got it. Boxes at 20 × 20 × 12 cm, print in CMYK, 3 rounds of revisions."),
        ],
    ),

    Room(
        "r24", "Checkout rebuild: project links", client="c-brightleaf", freelancer="f-amir", plan="basic",
        created="2020-08-05T08:30:00Z",
        story="George (Brightleaf Shop) links \"our website\": excused as project_website. Amir's link to the same "
              "shop is sent by the freelancer (info), and so is George's link to a competitor with no project cue. "
              "After the offer Amir asks for the deposit on PayPal.me: a violation.",
        contracts=[event("ct-24", "offer_sent", "2020-08-06 12:00")],
        messages=[
            msg("m2401", "client", "2020-08-05 09:00", "P pre/inquiry",
                "Hi Amir, our website https://www.brightleaf-shop.com needs a faster checkout.",
                excused("website", "https://www.brightleaf-shop.com", "project_website",
                        "a client's link with the cue \"our website\"")),
            msg("m2402", "freelancer", "2020-08-05 09:40", "P pre/inquiry",
                "I had a look at https://www.brightleaf-shop.com/checkout and the cart page loads 4.2 MB of images.",
                info("https://www.brightleaf-shop.com/checkout",
                     "sent by the freelancer: project_website is for clients, and no portfolio cue is near")),
            msg("m2403", "client", "2020-08-05 10:00", "P pre/inquiry",
                "This competitor has the checkout flow we like: https://www.greenbean-roasters.com",
                info("https://www.greenbean-roasters.com", "no project cue within 12 words")),
            msg("m2404", "freelancer", "2020-08-06 12:30", "P pre/offer",
                "Offer sent: WooCommerce 4.3 upgrade + checkout rebuild, $1,150."),
            msg("m2405", "freelancer", "2020-08-06 13:00", "P pre/offer",
                "If you accept, my PayPal for the deposit: paypal.me/amirkarimidev",
                violation("payment_account", "paypal.me/amirkarimidev", PAY, platform="paypal")),
        ],
    ),

    Room(
        "r25", "Legal copy: unsolicited contact under the new rule", client="c-cobalt", freelancer="f-ines",
        plan="basic", created="2020-08-10T08:30:00Z",
        story="Inês gives Yusuf (Cobalt Legal) her email before a contract (a violation). He then emails her at "
              "that address (allowed: she offered it) and says he called a number from her website (a violation: "
              "never offered). A declined call is left out of the call report.",
        messages=[
            msg("m2501", "freelancer", "2020-08-10 09:00", "P pre/inquiry",
                "Olá Yusuf! My email is ines.costa.writer@gmail.com if you prefer.",
                violation("email", "ines.costa.writer@gmail.com", P_PRE)),
            msg("m2502", "client", "2020-08-11 09:00", "P pre/inquiry",
                "I emailed you at that address yesterday with the brief.",
                allowed("unsolicited_contact", "I emailed you", "Inês offered her email earlier (m2501)",
                        platform="email")),
            msg("m2503", "client", "2020-08-11 09:10", "P pre/inquiry",
                "I also found your number on your website and called you.",
                violation("unsolicited_contact", "called you", "Inês never offered a phone in the room",
                          platform="phone")),
            msg("m2504", "freelancer", "2020-08-11 09:30", "P pre/inquiry",
                "Please keep it here until there's a contract, those are the rules."),
        ],
        calls=[call("call-18", "freelancer", "declined", "2020-08-11 08:50", None, "video", "pre_contract", None,
                    "declined: never connected, left out of the report")],
    ),

    Room(
        "r26", "UI kit: disguised details", client="c-fjord", freelancer="f-katya", plan="basic",
        created="2020-08-12T08:30:00Z",
        story="Erik (Fjord Outdoor) and Katya trade details in disguise before a contract: a Cyrillic letter in "
              "\"telegram\", an email written out in words, a phone half in words, zero-width spaces inside an "
              "email, full-width digits. All violations. A dropped screen share with no end time is followed 10 "
              "minutes after its start by the written-out email.",
        messages=[
            msg("m2601", "client", "2020-08-12 09:00", "P pre/inquiry",
                "Hei Katya, we need a new UI kit for our booking app."),
            msg("m2602", "freelancer", "2020-08-12 09:30", "P pre/inquiry", "My telegrаm is @katya_ux",
                violation("messaging_app", "telegrаm is @katya_ux", P_PRE + " (Cyrillic а in \"telegram\")",
                          platform="telegram")),
            msg("m2603", "client", "2020-08-12 10:00", "P pre/inquiry", "Mine: erik dot larsen at gmail dot com",
                violation("email", "erik dot larsen at gmail dot com", P_PRE + " (email written out)")),
            msg("m2604", "freelancer", "2020-08-12 10:20", "P pre/inquiry", "My cell: (415) five five five 0199",
                violation("phone", "(415) five five five 0199", P_PRE + " (digits spelled out)")),
            msg("m2605", "client", "2020-08-12 10:40", "P pre/inquiry",
                "Or my work one: erik\u200b.larsen\u200b@fjord\u200b-outdoor.no",
                violation("email", "erik\u200b.larsen\u200b@fjord\u200b-outdoor.no",
                          P_PRE + " (zero-width spaces inside)"),
                ascii_json=True),
            msg("m2606", "freelancer", "2020-08-12 11:00", "P pre/inquiry", "My Norwegian number: ＋４７ ９１２ ３４ ５６７",
                violation("phone", "＋４７ ９１２ ３４ ５６７", P_PRE + " (full-width digits)")),
        ],
        calls=[call("call-15", "freelancer", "dropped", "2020-08-12 09:50", None, "screen_share", "pre_contract",
                    10.0, "dropped, no end time: measured from its start; email 10 minutes after (m2603)",
                    failure_reason="screen capture stopped")],
    ),

    Room(
        "r27", "ETL pipeline: two contracts in one room", client="c-atlasbio", freelancer="f-diego", plan="basic",
        created="2020-06-27T08:00:00Z",
        story="Karen (Atlas Bio) and Diego: contract 1 runs 1–20 July; the room is post_contract until contract 2 "
              "starts on 3 August (its `started` event is exported again with 4 August: the earliest time counts), "
              "and post_contract again after it ends on 28 August. The Zoom proposal sent at exactly 17:00:00 on "
              "20 July is after contract 1 (allowed); the Payoneer request is a violation.",
        contracts=[event("ct-27a", "offer_sent", "2020-06-28 10:00"), event("ct-27a", "started", "2020-07-01 09:00"),
                   event("ct-27a", "ended", "2020-07-20 17:00"),
                   event("ct-27b", "offer_sent", "2020-07-28 10:00"),
                   event("ct-27b", "started", "2020-08-03 09:00", file=3),
                   event("ct-27b", "started", "2020-08-04 09:00", file=4),
                   event("ct-27b", "ended", "2020-08-28 17:00", file=3)],
        messages=[
            msg("m2701", "client", "2020-06-27 09:00", "P pre/inquiry",
                "Hi Diego, we need an ETL pipeline from our lab LIMS to BigQuery."),
            msg("m2702", "freelancer", "2020-06-28 10:30", "P pre/offer",
                "Offer sent. Airflow 1.10.10, daily runs at 02:00 UTC."),
            msg("m2703", "freelancer", "2020-07-02 09:00", "P active", "Started. Discord: diego#4821 for quick pings",
                allowed("messaging_app", "diego#4821", P_ACTIVE, platform="discord")),
            msg("m2704", "client", "2020-07-20 17:00", "P post",
                "Contract 1 closed, thanks! Let's talk about phase 2 on Zoom next week.",
                allowed("offplatform_request", "talk about phase 2 on Zoom", P_POST + " (the end is exclusive)",
                        platform="zoom", intent="request")),
            msg("m2705", "freelancer", "2020-07-22 09:00", "P post",
                "For phase 2, if you'd rather pay me via Payoneer, that works.",
                violation("payment_account", "pay me via Payoneer", PAY, platform="payoneer", intent="request")),
            msg("m2706", "client", "2020-07-28 10:30", "P post", "New offer sent for phase 2."),
            msg("m2707", "freelancer", "2020-08-03 12:00", "P active",
                "Phase 2 started. My number if the pipeline breaks at night: +1 617 555 0134",
                allowed("phone", "+1 617 555 0134", P_ACTIVE + " (contract 2 started at 09:00 the same day)")),
            msg("m2708", "client", "2020-08-28 18:00", "P post", "All done, thank you! Final report: final_report_phase2.pdf"),
        ],
        calls=[call("call-22", "client", "completed", "2020-08-10 15:00", "2020-08-10 15:45", "screen_share",
                    "active_contract", None, "completed; nothing within 30 minutes")],
    ),

    Room(
        "r28", "A room never described", client="", freelancer="", plan=None, created=None, described=False,
        home_file=3,
        story="Two users translate a manual in room r28, for which no room record exists in any file: their role "
              "and plan are `unknown` and no exception that depends on them can apply. Contract events for the "
              "room do exist, so its phase follows them: the phone before the contract is a violation, the email "
              "after it is allowed.",
        contracts=[event("ct-28", "offer_sent", "2020-08-19 09:00", file=1),
                   event("ct-28", "started", "2020-08-20 09:00", file=1)],
        messages=[
            msg("m2801", "u-9f31", "2020-08-18 10:00", "P pre/inquiry",
                "Hi, is the translation of the manual still open? 24 pages, DE→EN."),
            msg("m2802", "u-4c07", "2020-08-18 10:30", "P pre/inquiry", "Yes. My number: +49 30 12345678",
                violation("phone", "+49 30 12345678", P_PRE + " (room unknown: no exception can apply)")),
            msg("m2803", "u-9f31", "2020-08-21 09:00", "P active",
                "Contract started. My email for the glossary: m.keller@kellerwerk.de",
                allowed("email", "m.keller@kellerwerk.de", P_ACTIVE + " (phase from the room's contract events)")),
            msg("m2804", "u-4c07", "2020-08-21 09:30", "P active", "Reference: https://www.kellerwerk.de/produkte",
                info("https://www.kellerwerk.de/produkte", LINK_OK)),
        ],
    ),

    Room(
        "r29", "QA testing: messages from the platform", client="c-nimbus", freelancer="f-hugo", plan="basic",
        created="2020-08-24T08:55:00Z",
        story="The platform's own sender posts in the room (role `system`): its support email is allowed. Hugo "
              "asking for Laura's phone number before a contract is a violation.",
        messages=[
            msg("m2901", "system", "2020-08-24 09:00", "P pre/inquiry",
                "Welcome to your new room! Remember: payments and communication stay on OffPlatform until a "
                "contract starts."),
            msg("m2902", "client", "2020-08-24 09:10", "P pre/inquiry",
                "Hi Hugo, we need regression tests for our Android app (v5.2.0, 38 screens)."),
            msg("m2903", "system", "2020-08-24 09:20", "P pre/inquiry",
                "Need help? Our support desk: support@offplatform-help.com",
                allowed("email", "support@offplatform-help.com", "the sender is the platform, not a participant")),
            msg("m2904", "freelancer", "2020-08-24 10:00", "P pre/inquiry",
                "Hi Laura! Happy to help. Could you send me your phone number?",
                violation("offplatform_request", "send me your phone number", P_PRE, platform="phone",
                          intent="request")),
            msg("m2905", "system", "2020-08-24 10:01", "P pre/inquiry",
                "Reminder: sharing contact details before a contract is against the rules."),
        ],
    ),

    Room(
        "r30", "Coffee shop app: hard negatives during a contract", client="c-ember", freelancer="f-priya",
        plan="basic", created="2020-07-05T10:00:00Z",
        story="Will (Ember Coffee Co) and Priya work under a contract and talk order numbers, versions, an IP "
              "address, invoices, dates, a UUID, ticket numbers and file links on the platform: no finding at all.",
        contracts=[event("ct-30", "offer_sent", "2020-07-06 09:00"), event("ct-30", "started", "2020-07-07 08:00")],
        messages=[
            msg("m3001", "client", "2020-07-08 09:00", "P active",
                "Order #48213 shipped on 07/08/2020, tracking is in the dashboard."),
            msg("m3002", "freelancer", "2020-07-08 14:40:12.345", "P active",
                "Deployed v2.10.3 to staging at 14:35 CEST; build 1842 passed.", extra={"thread": {"parent": "m3001", "depth": 1}}),
            msg("m3003", "freelancer", "2020-07-09 10:00", "P active",
                "The API server is at 10.0.4.17, port 8443. Last good commit: 9f8e7d6c5b4a."),
            msg("m3004", "client", "2020-07-10 16:00", "P active",
                "Invoice INV-2020-0815 for $1,250.00 is paid. VAT 21%: $262.50."),
            msg("m3005", "freelancer", "2020-07-14 11:00", "P active",
                "Notes from 2020-07-14: 3 bugs, 2 features, ETA 21.07.2020. Test user: "
                "3f2b8c1e-9a4d-4e7b-8c2f-1d5e6a7b9c0d"),
            msg("m3006", "client", "2020-07-15 09:30", "P active",
                "Ticket #4471: the line is too thin on retina screens. Call me crazy, but I'd make it 2 px."),
            msg("m3007", "freelancer", "2020-07-15 10:00", "P active",
                "Fixed. Spec is here: https://offplatform.example/rooms/r30/files/spec_v4.pdf and I use Slack at "
                "work, so I may answer late.", render="-05:00"),
        ],
    ),

    Room(
        "r31", "Catalogue photos in Portuguese: after the contract", client="c-sabia", freelancer="f-rafael",
        plan="plus", created="2020-06-24T12:00:00Z",
        story="Beatriz (Sabiá Moda) and Rafael finish a contract on 10 July; his Brazilian mobile number two days "
              "later is allowed.",
        contracts=[event("ct-31", "offer_sent", "2020-06-25 15:00"), event("ct-31", "started", "2020-06-26 10:00"),
                   event("ct-31", "ended", "2020-07-10 10:00")],
        messages=[
            msg("m3101", "client", "2020-06-26 10:30", "P active",
                "Oi Rafael! As fotos do catálogo ficaram lindas. Lote 2 na segunda, 13/07."),
            msg("m3102", "freelancer", "2020-07-12 09:00", "P post",
                "Obrigado! Meu celular para os próximos trabalhos: +55 11 91234-5678",
                allowed("phone", "+55 11 91234-5678", P_POST)),
            msg("m3103", "client", "2020-07-12 10:00", "P post", "Combinado. Valor: R$ 1.800,00."),
        ],
    ),

    Room(
        "r32", "Website localisation in Chinese and Russian", client="c-lotus", freelancer="f-dmitri",
        plan="basic", created="2020-09-01T07:30:00Z",
        story="Wang Fang (Lotus Tea) writes in Chinese, Dmitri in Russian; his email before a contract is a "
              "violation, the rest is prices and dates.",
        messages=[
            msg("m3201", "client", "2020-09-01 08:00", "P pre/inquiry",
                "您好，我们需要把网站翻译成俄语，大约 8,000 字。预算 ¥6,000。"),
            msg("m3202", "freelancer", "2020-09-01 08:30", "P pre/inquiry",
                "Здравствуйте! Могу начать 7 сентября, срок — 10 рабочих дней."),
            msg("m3203", "freelancer", "2020-09-01 08:35", "P pre/inquiry", "Мой email: dmitri.volkov@mail.ru",
                violation("email", "dmitri.volkov@mail.ru", P_PRE)),
            msg("m3204", "client", "2020-09-02 02:00", "P pre/inquiry",
                "好的，谢谢。Please send the offer through the platform."),
        ],
    ),

    Room(
        "r33", "Smart-contract audit: PayPal before a contract", client="c-quartz", freelancer="f-yara",
        plan="basic", created="2020-09-03T08:00:00Z",
        story="Yara asks Owen (Quartz Labs) to pay through PayPal before there is even an offer: a violation.",
        messages=[
            msg("m3301", "client", "2020-09-03 09:00", "P pre/inquiry",
                "Hi Yara, we need an ERC-20 audit, ~600 lines of Solidity 0.6.12."),
            msg("m3302", "freelancer", "2020-09-03 09:30", "P pre/inquiry",
                "I can start Monday. Would you pay me through PayPal instead? It's faster.",
                violation("payment_account", "pay me through PayPal", PAY, platform="paypal", intent="request")),
            msg("m3303", "client", "2020-09-03 10:00", "P pre/inquiry", "We only pay through OffPlatform milestones, sorry."),
        ],
    ),

    Room(
        "r35", "Spa brochure: links and email after the contract", client="c-solace", freelancer="f-luca",
        plan="plus", created="2020-06-26T14:00:00Z",
        story="Nora (Solace Spa) links the brochure on her new site and Luca gives his email, both after the "
              "contract: a plain link and an allowed email.",
        contracts=[event("ct-35", "offer_sent", "2020-06-27 10:00"), event("ct-35", "started", "2020-06-29 09:00"),
                   event("ct-35", "ended", "2020-07-15 18:00")],
        messages=[
            msg("m3501", "freelancer", "2020-06-29 10:00", "P active",
                "Draft 1 of the spa brochure: brochure_draft1.docx. 1,150 words."),
            msg("m3502", "client", "2020-07-16 09:00", "P post",
                "Thanks Luca! The brochure is live on our new site: https://www.solace-spa.it/brochure",
                info("https://www.solace-spa.it/brochure", LINK_OK + " (after the contract no exception is needed)")),
            msg("m3503", "freelancer", "2020-07-16 09:30", "P post",
                "Bellissimo! For future jobs: luca.bianchi.copy@libero.it",
                allowed("email", "luca.bianchi.copy@libero.it", P_POST)),
        ],
    ),

    Room(
        "r38", "Virtual assistant: form, offline, street address", client="c-oakridge", freelancer="f-noor",
        plan="basic", created="2020-09-07T08:30:00Z",
        story="Dana (Oakridge Realty) sends Noor to an external careers page and gives the office address; Noor "
              "proposes to take the talk offline. All violations before a contract.",
        messages=[
            msg("m3801", "client", "2020-09-07 09:00", "P pre/inquiry",
                "Hi Noor, we need a virtual assistant for listings, 20 h/week."),
            msg("m3802", "client", "2020-09-07 09:10", "P pre/inquiry",
                "Please apply through our careers page: https://jobs.lever.co/oakridge-realty/virtual-assistant",
                violation("contact_form", "https://jobs.lever.co/oakridge-realty/virtual-assistant", P_PRE,
                          platform="lever")),
            msg("m3803", "freelancer", "2020-09-07 10:00", "P pre/inquiry",
                "Happy to. Could we take this offline? I'm not a fan of long chats.",
                violation("offplatform_request", "take this offline", P_PRE, intent="request")),
            msg("m3804", "client", "2020-09-07 10:30", "P pre/inquiry",
                "Documents go to our office: 350 Market Street, Suite 400, San Francisco, CA 94105",
                violation("postal_address", "350 Market Street, Suite 400, San Francisco, CA 94105", P_PRE)),
            msg("m3805", "freelancer", "2020-09-07 11:00", "P pre/inquiry",
                "Noted. My hours are 9:00–17:00 PST, Mon–Fri."),
        ],
    ),

    Room(
        "r39", "Nutrition blog: booking page after the offer", client="c-nova", freelancer="f-martak",
        plan="basic", created="2020-09-08T08:30:00Z",
        story="Marta sends Jake (Nova Fitness) her Calendly page once her offer is out: still before a contract, "
              "a violation.",
        contracts=[event("ct-39", "offer_sent", "2020-09-09 10:00")],
        messages=[
            msg("m3901", "client", "2020-09-08 09:00", "P pre/inquiry",
                "Hi Marta, we need 10 blog posts on nutrition, 1,200 words each."),
            msg("m3902", "freelancer", "2020-09-09 10:30", "P pre/offer",
                "Offer sent. To discuss topics, pick a time: https://calendly.com/marta-k/intro",
                violation("scheduling_link", "https://calendly.com/marta-k/intro", P_PRE, platform="calendly")),
            msg("m3903", "client", "2020-09-09 11:00", "P pre/offer", "I'll reply here with topics by Friday (11/09)."),
        ],
    ),

    Room(
        "r40", "Demand forecast for a business client: offer stage", client="c-titan", freelancer="f-sofia",
        plan="business", created="2020-08-14T08:00:00Z",
        story="Greg (Titan Logistics, business plan) sends a Webex link with his offer: excused as business_client. "
              "Sofia asking to be paid directly is a violation whatever the plan.",
        contracts=[event("ct-40", "offer_sent", "2020-08-17 10:00")],
        messages=[
            msg("m4001", "client", "2020-08-14 09:00", "P pre/inquiry",
                "Hi Sofia, we need a demand forecast model, Python 3.8, data from 2017 to 2020."),
            msg("m4002", "client", "2020-08-17 10:30", "P pre/offer",
                "Offer sent. Kick-off on Webex: https://titanlogistics.webex.com/meet/greg.hale",
                excused("meeting_link", "https://titanlogistics.webex.com/meet/greg.hale", "business_client",
                        "the client is on a business plan", platform="webex")),
            msg("m4003", "freelancer", "2020-08-17 11:00", "P pre/offer",
                "Thanks! Would you pay me directly instead?",
                violation("payment_account", "pay me directly", PAY + " (the business plan does not change that)",
                          intent="request")),
        ],
    ),

    Room(
        "r44", "Pixel art: talk about the rule, then Discord", client="c-willow", freelancer="f-leila",
        plan="basic", created="2020-09-14T08:30:00Z",
        story="Leila says she can't share her email before a contract (talk about the rule: no finding); Ethan "
              "(Willow Games) then asks for her Discord: a violation.",
        messages=[
            msg("m4401", "client", "2020-09-14 09:00", "P pre/inquiry",
                "Hi Leila, we need 30 pixel-art sprites, 64×64, for a platformer."),
            msg("m4402", "freelancer", "2020-09-14 09:30", "P pre/inquiry",
                "I can't share my email until a contract starts, those are the rules here."),
            msg("m4403", "client", "2020-09-14 10:00", "P pre/inquiry",
                "Fair. Sprite sheet example attached: sprites_v2.png",
                attachments=[Attachment("sprites_v2.png", "image")]),
            msg("m4404", "client", "2020-09-14 10:30", "P pre/inquiry",
                "Actually, what's your Discord? Our whole team is there.",
                violation("offplatform_request", "what's your Discord?", P_PRE, platform="discord",
                          intent="request")),
        ],
    ),

    Room(
        "r45", "Brand strategy: portfolio attachment and enterprise, after the contract", client="c-aurora",
        freelancer="f-mateo", plan="enterprise", created="2020-08-20T08:00:00Z",
        story="Mateo sends Aurora Hotels (enterprise plan) a portfolio PDF before the contract (no text extracted: "
              "no finding). After the contract ends he gives his Skype ID: allowed.",
        contracts=[event("ct-45", "offer_sent", "2020-08-21 09:00"), event("ct-45", "started", "2020-08-24 09:00"),
                   event("ct-45", "ended", "2020-09-11 17:00")],
        messages=[
            msg("m4501", "freelancer", "2020-08-20 09:00", "P pre/inquiry", "Hello! My portfolio is attached.",
                attachments=[Attachment("Mateo_Garcia_portfolio_2020.pdf", "portfolio")]),
            msg("m4502", "client", "2020-08-24 10:00", "P active", "Contract is live. Workshop on 2 September, 10:00."),
            msg("m4503", "freelancer", "2020-09-12 09:00", "P post",
                "Thank you all! Skype for anything urgent: live:mateo.garcia.brand",
                allowed("messaging_app", "live:mateo.garcia.brand", P_POST, platform="skype")),
        ],
    ),
]
