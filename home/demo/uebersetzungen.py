"""The demo's translations: the start page, /hilfe/ and five Angebote (one Frauenhaus) as translated pages
in the locales en, tr, ar, uk, ru, and the vocabularies' names (angebote/uebersetzungen.py).

Pages are translated as Wagtail does it (copy_for_translation into the locale's tree, then published), so
the admin lists them as translations and editors or Träger change them there. A page translated before is
left as it is. Träger keep their names (proper names); a Träger page is translated only as the parent its
translated Angebote need.
"""

from django.conf import settings

from wagtail.models import Locale

from angebote.models import AngebotIndexPage, AngebotPage, Sprache, Thema, Zielgruppe
from angebote.uebersetzungen import vokabeln_uebersetzen
from home.models import HomePage

SPRACHEN = ("en", "tr", "ar", "uk", "ru")

STARTSEITE = {
    "en": (
        "Social planning in Kreis Segeberg",
        "<p>Find help, understand the social situation, plan together.</p>",
    ),
    "tr": (
        "Kreis Segeberg'de sosyal planlama",
        "<p>Yardım bulun, sosyal durumu anlayın, birlikte planlayın.</p>",
    ),
    "ar": (
        "التخطيط الاجتماعي في مقاطعة زيغيبيرغ",
        "<p>ابحث عن المساعدة، افهم الوضع الاجتماعي، شارك في التخطيط.</p>",
    ),
    "uk": (
        "Соціальне планування в районі Зегеберг",
        "<p>Знайдіть допомогу, зрозумійте соціальну ситуацію, плануйте разом.</p>",
    ),
    "ru": (
        "Социальное планирование в районе Зегеберг",
        "<p>Найдите помощь, поймите социальную ситуацию, планируйте вместе.</p>",
    ),
}

HILFE = {
    "en": (
        "Find help",
        "<p>Counselling services and help near you: from debt counselling to the women's shelter.</p>",
    ),
    "tr": (
        "Yardım bul",
        "<p>Yakınınızdaki danışma merkezleri ve yardımlar: borç danışmanlığından kadın sığınma evine kadar.</p>",
    ),
    "ar": (
        "ابحث عن مساعدة",
        "<p>مراكز الاستشارة وعروض المساعدة بالقرب منك: من استشارات الديون إلى دار إيواء النساء.</p>",
    ),
    "uk": (
        "Знайти допомогу",
        "<p>Консультаційні служби та допомога поруч із вами: від консультацій щодо боргів до притулку для жінок.</p>",
    ),
    "ru": (
        "Найти помощь",
        "<p>Консультационные службы и помощь рядом с вами: от консультаций по долгам до приюта для женщин.</p>",
    ),
}

_ZUGANG = {
    "en": "Call us or send an e-mail. You will get an appointment soon.",
    "tr": "Bizi arayın veya e-posta gönderin. Kısa sürede randevu alırsınız.",
    "ar": "اتصل بنا أو أرسل بريدًا إلكترونيًا. ستحصل على موعد قريبًا.",
    "uk": "Зателефонуйте нам або напишіть електронного листа. Ви незабаром отримаєте запис на прийом.",
    "ru": "Позвоните нам или напишите электронное письмо. Вы скоро получите запись на приём.",
}
_TERMINE = {
    "en": "Appointments outside the office hours by arrangement.",
    "tr": "Görüşme saatleri dışında da randevu ile görüşme mümkündür.",
    "ar": "مواعيد خارج ساعات العمل بالاتفاق.",
    "uk": "Прийом і поза годинами консультацій за домовленістю.",
    "ru": "Приём и вне часов консультаций по договорённости.",
}

# externe_id: {language: fields}
ANGEBOTE = {
    "schuldner-nor": {
        "en": {
            "title": "Debt and insolvency counselling Norderstedt",
            "kurzbeschreibung": "We help you get an overview of your debts and find a way out.",
            "beschreibung": "<p>Counselling is confidential. Together we sort out claims, negotiate with creditors "
            "and, if you wish, accompany you through consumer insolvency proceedings. We issue certificates for "
            "the garnishment protection account (P-Konto).</p>",
            "voraussetzungen": "For people living in Norderstedt.",
        },
        "tr": {
            "title": "Norderstedt borç ve iflas danışmanlığı",
            "kurzbeschreibung": "Borçlarınıza genel bir bakış kazanmanıza ve bir çıkış yolu bulmanıza yardım ediyoruz.",
            "beschreibung": "<p>Danışmanlık gizlidir. Alacakları sizinle birlikte düzenler, alacaklılarla görüşür ve "
            "isterseniz tüketici iflas sürecinde size eşlik ederiz. Haciz korumalı hesap (P-Konto) için belge "
            "düzenleriz.</p>",
            "voraussetzungen": "Norderstedt'te ikamet eden kişiler için.",
        },
        "ar": {
            "title": "استشارات الديون والإعسار في نوردرشتيت",
            "kurzbeschreibung": "نساعدك في الحصول على نظرة عامة على ديونك وإيجاد طريق للخروج منها.",
            "beschreibung": "<p>الاستشارة سرية. نرتب معك المطالبات ونتفاوض مع الدائنين ونرافقك إن رغبت في إجراءات "
            "إعسار المستهلك. نصدر شهادات لحساب الحماية من الحجز (P-Konto).</p>",
            "voraussetzungen": "للأشخاص المقيمين في نوردرشتيت.",
        },
        "uk": {
            "title": "Консультації щодо боргів і банкрутства Нордерштедт",
            "kurzbeschreibung": "Ми допоможемо вам отримати огляд ваших боргів і знайти вихід.",
            "beschreibung": "<p>Консультація конфіденційна. Разом ми впорядкуємо вимоги, ведемо переговори з "
            "кредиторами та за бажанням супроводжуємо вас у процедурі банкрутства фізичної особи. Ми видаємо "
            "довідки для захищеного рахунку (P-Konto).</p>",
            "voraussetzungen": "Для людей, які проживають у Нордерштедті.",
        },
        "ru": {
            "title": "Консультации по долгам и банкротству Нордерштедт",
            "kurzbeschreibung": "Мы поможем вам получить обзор ваших долгов и найти выход.",
            "beschreibung": "<p>Консультация конфиденциальна. Вместе мы упорядочим требования, ведём переговоры с "
            "кредиторами и по желанию сопровождаем вас в процедуре банкротства физического лица. Мы выдаём "
            "справки для защищённого счёта (P-Konto).</p>",
            "voraussetzungen": "Для людей, проживающих в Нордерштедте.",
        },
    },
    "frauenhaus-nor": {
        "en": {
            "title": "Women's shelter Norderstedt",
            "kurzbeschreibung": "Protection and accommodation for women and their children affected by violence. "
            "Available around the clock.",
            "beschreibung": "<p>We take in women with and without children, day and night. The address is secret; "
            "please call, we will arrange a meeting point.</p>",
            "zugang": "Call, day and night. In an emergency dial 110.",
        },
        "tr": {
            "title": "Norderstedt kadın sığınma evi",
            "kurzbeschreibung": "Şiddetten etkilenen kadınlar ve çocukları için koruma ve barınma. Günün her saati "
            "ulaşılabilir.",
            "beschreibung": "<p>Çocuklu veya çocuksuz kadınları gece gündüz kabul ediyoruz. Adres gizlidir; lütfen "
            "arayın, bir buluşma noktası belirleyelim.</p>",
            "zugang": "Gece gündüz arayın. Acil durumda 110'u arayın.",
        },
        "ar": {
            "title": "دار إيواء النساء في نوردرشتيت",
            "kurzbeschreibung": "حماية وسكن للنساء وأطفالهن المتضررين من العنف. متاح على مدار الساعة.",
            "beschreibung": "<p>نستقبل النساء مع أطفالهن أو بدونهم، ليلًا ونهارًا. العنوان سري؛ يرجى الاتصال، "
            "وسنتفق على نقطة لقاء.</p>",
            "zugang": "اتصلي ليلًا ونهارًا. في حالة الطوارئ اطلبي 110.",
        },
        "uk": {
            "title": "Притулок для жінок Нордерштедт",
            "kurzbeschreibung": "Захист і житло для жінок та їхніх дітей, які постраждали від насильства. "
            "Цілодобово на зв'язку.",
            "beschreibung": "<p>Ми приймаємо жінок з дітьми і без, вдень і вночі. Адреса таємна; будь ласка, "
            "зателефонуйте, ми домовимося про місце зустрічі.</p>",
            "zugang": "Телефонуйте вдень і вночі. У надзвичайній ситуації набирайте 110.",
        },
        "ru": {
            "title": "Приют для женщин Нордерштедт",
            "kurzbeschreibung": "Защита и жильё для женщин и их детей, пострадавших от насилия. Круглосуточно на "
            "связи.",
            "beschreibung": "<p>Мы принимаем женщин с детьми и без, днём и ночью. Адрес засекречен; пожалуйста, "
            "позвоните, мы договоримся о месте встречи.</p>",
            "zugang": "Звоните днём и ночью. В экстренном случае набирайте 110.",
        },
    },
    "migration-nor": {
        "en": {
            "title": "Migration counselling for adults Norderstedt",
            "kurzbeschreibung": "Counselling for immigrants on residence, language courses, work and everyday life.",
            "beschreibung": "<p>We help with applications to the immigration office, finding an integration course "
            "and getting qualifications recognised.</p>",
        },
        "tr": {
            "title": "Norderstedt yetişkinler için göç danışmanlığı",
            "kurzbeschreibung": "Göçmenler için oturum, dil kursları, iş ve günlük yaşam konularında danışmanlık.",
            "beschreibung": "<p>Yabancılar dairesine başvurularda, entegrasyon kursu aramada ve diplomaların "
            "tanınmasında yardım ediyoruz.</p>",
        },
        "ar": {
            "title": "استشارات الهجرة للبالغين في نوردرشتيت",
            "kurzbeschreibung": "استشارات للمهاجرين حول الإقامة ودورات اللغة والعمل والحياة اليومية.",
            "beschreibung": "<p>نساعد في الطلبات المقدمة إلى دائرة الأجانب وفي البحث عن دورة اندماج وفي الاعتراف "
            "بالشهادات.</p>",
        },
        "uk": {
            "title": "Консультації для дорослих мігрантів Нордерштедт",
            "kurzbeschreibung": "Консультації для іммігрантів щодо перебування, мовних курсів, роботи та повсякдення.",
            "beschreibung": "<p>Ми допомагаємо із заявами до відомства у справах іноземців, пошуком "
            "інтеграційного курсу та визнанням дипломів.</p>",
        },
        "ru": {
            "title": "Консультации для взрослых мигрантов Нордерштедт",
            "kurzbeschreibung": "Консультации для иммигрантов по вопросам пребывания, языковых курсов, работы и быта.",
            "beschreibung": "<p>Мы помогаем с заявлениями в ведомство по делам иностранцев, поиском "
            "интеграционного курса и признанием дипломов.</p>",
        },
    },
    "erziehung-nor": {
        "en": {
            "title": "Parenting and family counselling Norderstedt",
            "kurzbeschreibung": "Counselling for parents, children and young people on parenting and in family crises.",
            "beschreibung": "<p>We advise on worries about children, on separation and divorce and on contact "
            "arrangements. Children and young people can also come on their own.</p>",
        },
        "tr": {
            "title": "Norderstedt eğitim ve aile danışmanlığı",
            "kurzbeschreibung": "Ebeveynler, çocuklar ve gençler için eğitim sorularında ve aile krizlerinde "
            "danışmanlık.",
            "beschreibung": "<p>Çocuklarla ilgili endişelerde, ayrılık ve boşanmada ve görüşme hakkı konusunda "
            "danışmanlık veriyoruz. Çocuklar ve gençler tek başlarına da gelebilir.</p>",
        },
        "ar": {
            "title": "الاستشارات التربوية والأسرية في نوردرشتيت",
            "kurzbeschreibung": "استشارات للآباء والأطفال والمراهقين في مسائل التربية وفي الأزمات الأسرية.",
            "beschreibung": "<p>نقدم الاستشارة عند القلق بشأن الأطفال وعند الانفصال والطلاق وحول حق الرؤية. "
            "يمكن للأطفال والمراهقين المجيء بمفردهم أيضًا.</p>",
        },
        "uk": {
            "title": "Консультації з виховання та сімейних питань Нордерштедт",
            "kurzbeschreibung": "Консультації для батьків, дітей і підлітків з питань виховання та в сімейних кризах.",
            "beschreibung": "<p>Ми консультуємо щодо турбот про дітей, розлучення та спілкування з дитиною. Діти "
            "й підлітки можуть приходити й самі.</p>",
        },
        "ru": {
            "title": "Консультации по воспитанию и семейным вопросам Нордерштедт",
            "kurzbeschreibung": "Консультации для родителей, детей и подростков по вопросам воспитания и в "
            "семейных кризисах.",
            "beschreibung": "<p>Мы консультируем по поводу забот о детях, при расставании и разводе и по вопросам "
            "общения с ребёнком. Дети и подростки могут приходить и сами.</p>",
        },
    },
    "pflege-bse": {
        "en": {
            "title": "Care support point Kreis Segeberg",
            "kurzbeschreibung": "Independent counselling for people in need of care and their relatives.",
            "beschreibung": "<p>We advise on the care grade, on benefits of the long-term care insurance, on home "
            "care services and forms of housing.</p>",
        },
        "tr": {
            "title": "Kreis Segeberg bakım destek noktası",
            "kurzbeschreibung": "Bakıma muhtaç kişiler ve yakınları için tarafsız danışmanlık.",
            "beschreibung": "<p>Bakım derecesi, bakım sigortasının yardımları, bakım hizmetleri ve konut türleri "
            "konusunda danışmanlık veriyoruz.</p>",
        },
        "ar": {
            "title": "نقطة دعم الرعاية في مقاطعة زيغيبيرغ",
            "kurzbeschreibung": "استشارات محايدة للأشخاص المحتاجين إلى رعاية ولذويهم.",
            "beschreibung": "<p>نقدم الاستشارة حول درجة الرعاية وخدمات صندوق تأمين الرعاية وخدمات الرعاية "
            "المنزلية وأشكال السكن.</p>",
        },
        "uk": {
            "title": "Пункт підтримки з догляду район Зегеберг",
            "kurzbeschreibung": "Незалежні консультації для людей, які потребують догляду, та їхніх родичів.",
            "beschreibung": "<p>Ми консультуємо щодо ступеня догляду, виплат страхування на випадок потреби в "
            "догляді, служб догляду та форм проживання.</p>",
        },
        "ru": {
            "title": "Пункт поддержки по уходу район Зегеберг",
            "kurzbeschreibung": "Независимые консультации для нуждающихся в уходе и их родственников.",
            "beschreibung": "<p>Мы консультируем по степени ухода, выплатам страхования по уходу, службам ухода и "
            "формам проживания.</p>",
        },
    },
}


def uebersetzen(page, locale, felder: dict):
    """The page's translation into `locale`, created (its parent must be translated) and published."""
    vorhanden = page.get_translation_or_none(locale)
    if vorhanden is not None:
        return vorhanden
    kopie = page.copy_for_translation(locale)
    for feld, wert in felder.items():
        setattr(kopie, feld, wert)
    kopie.save_revision().publish()
    return kopie


def load_uebersetzungen(stdout):
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES}
    vokabeln_uebersetzen(Thema, Zielgruppe, Sprache)
    home = HomePage.objects.get(locale=locales[settings.LANGUAGE_CODE])
    hilfe = AngebotIndexPage.objects.child_of(home).get()
    angebote = {a.externe_id: a for a in AngebotPage.objects.filter(externe_id__in=ANGEBOTE)}
    seiten = 0
    for sprache in SPRACHEN:
        locale = locales[sprache]
        titel, intro = STARTSEITE[sprache]
        uebersetzen(home, locale, {"title": titel, "draft_title": titel, "intro": intro, "body": []})
        titel, intro = HILFE[sprache]
        uebersetzen(hilfe, locale, {"title": titel, "draft_title": titel, "intro": intro})
        for externe_id, texte in ANGEBOTE.items():
            angebot = angebote.get(externe_id)
            if angebot is None:
                continue
            traeger = angebot.get_parent().specific
            uebersetzen(traeger, locale, {"intro": ""})
            felder = {
                "zugang": _ZUGANG[sprache],
                "oeffnungszeiten_hinweis": _TERMINE[sprache] if angebot.oeffnungszeiten_hinweis else "",
                "voraussetzungen": "",
                "kosten": "",
                "hinweis": "",
                **texte[sprache],
            }
            felder["draft_title"] = felder["title"]
            uebersetzen(angebot, locale, felder)
            seiten += 1
    stdout.write(f"Übersetzungen: {seiten} Angebotsseiten in {len(SPRACHEN)} Sprachen.")
