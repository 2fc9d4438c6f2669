"""The starting vocabularies' names in the five other citizen languages (en, tr, ar, uk, ru).

Used by the data migration that fills the name_xx fields and by the demo loader: fields an editor has
filled are never overwritten, only empty ones are filled.
"""

# slug: {language: (name, Kurzbeschreibung)}
THEMEN = {
    "schuldnerberatung": {
        "en": ("Debt counselling", "Help with debts, reminders and threatened seizure"),
        "tr": ("Borç danışmanlığı", "Borçlar, ihtarnameler ve haciz tehlikesinde yardım"),
        "ar": ("استشارات الديون", "مساعدة في الديون والإنذارات وخطر الحجز"),
        "uk": ("Консультації щодо боргів", "Допомога з боргами, нагадуваннями та загрозою арешту майна"),
        "ru": ("Консультации по долгам", "Помощь при долгах, напоминаниях и угрозе ареста имущества"),
    },
    "suchtberatung": {
        "en": ("Addiction counselling", "Counselling on alcohol, drugs, gambling and other addictions"),
        "tr": ("Bağımlılık danışmanlığı", "Alkol, uyuşturucu, kumar ve diğer bağımlılıklar için danışmanlık"),
        "ar": ("استشارات الإدمان", "استشارات حول الكحول والمخدرات والقمار وأنواع الإدمان الأخرى"),
        "uk": (
            "Консультації щодо залежностей",
            "Консультації щодо алкоголю, наркотиків, азартних ігор та інших залежностей",
        ),
        "ru": (
            "Консультации по зависимостям",
            "Консультации по алкоголю, наркотикам, азартным играм и другим зависимостям",
        ),
    },
    "frauenhaus": {
        "en": ("Women's shelter", "Protection and accommodation for women and their children facing violence"),
        "tr": ("Kadın sığınma evi", "Şiddete maruz kalan kadınlar ve çocukları için koruma ve barınma"),
        "ar": ("دار إيواء النساء", "حماية وسكن للنساء وأطفالهن عند التعرض للعنف"),
        "uk": ("Притулок для жінок", "Захист і житло для жінок та їхніх дітей, які зазнають насильства"),
        "ru": ("Приют для женщин", "Защита и жильё для женщин и их детей, пострадавших от насилия"),
    },
    "frauenberatung": {
        "en": (
            "Counselling for women (protection from violence)",
            "Counselling for women who experience or have experienced violence",
        ),
        "tr": ("Kadın danışmanlığı (şiddetten korunma)", "Şiddet yaşayan veya yaşamış kadınlar için danışmanlık"),
        "ar": ("استشارات للنساء (الحماية من العنف)", "استشارات للنساء اللواتي يتعرضن للعنف أو تعرضن له"),
        "uk": (
            "Консультації для жінок (захист від насильства)",
            "Консультації для жінок, які зазнають або зазнали насильства",
        ),
        "ru": (
            "Консультации для женщин (защита от насилия)",
            "Консультации для женщин, которые подвергаются или подвергались насилию",
        ),
    },
    "migrationsberatung": {
        "en": ("Migration counselling", "Counselling for immigrants on residence, language, work and everyday life"),
        "tr": ("Göç danışmanlığı", "Göçmenler için oturum, dil, iş ve günlük yaşam konularında danışmanlık"),
        "ar": ("استشارات الهجرة", "استشارات للمهاجرين حول الإقامة واللغة والعمل والحياة اليومية"),
        "uk": (
            "Консультації для мігрантів",
            "Консультації для іммігрантів щодо перебування, мови, роботи та повсякдення",
        ),
        "ru": (
            "Консультации для мигрантов",
            "Консультации для иммигрантов по вопросам пребывания, языка, работы и быта",
        ),
    },
    "erziehungsberatung": {
        "en": ("Parenting counselling", "Counselling for parents, children and families"),
        "tr": ("Eğitim ve aile danışmanlığı", "Ebeveynler, çocuklar ve aileler için danışmanlık"),
        "ar": ("استشارات تربوية", "استشارات للآباء والأمهات والأطفال والعائلات"),
        "uk": ("Консультації з виховання", "Консультації для батьків, дітей і сімей"),
        "ru": ("Консультации по воспитанию", "Консультации для родителей, детей и семей"),
    },
    "schwangerschaftsberatung": {
        "en": ("Pregnancy counselling", "Counselling on pregnancy, birth and pregnancy conflicts"),
        "tr": ("Hamilelik danışmanlığı", "Hamilelik, doğum ve hamilelik çatışması konularında danışmanlık"),
        "ar": ("استشارات الحمل", "استشارات حول الحمل والولادة وصراعات الحمل"),
        "uk": (
            "Консультації з питань вагітності",
            "Консультації щодо вагітності, пологів і конфліктних ситуацій під час вагітності",
        ),
        "ru": (
            "Консультации по беременности",
            "Консультации по беременности, родам и конфликтным ситуациям при беременности",
        ),
    },
    "pflegeberatung": {
        "en": ("Care counselling", "Counselling for people in need of care and family carers"),
        "tr": ("Bakım danışmanlığı", "Bakıma muhtaç kişiler ve bakım veren yakınlar için danışmanlık"),
        "ar": ("استشارات الرعاية", "استشارات للأشخاص المحتاجين إلى رعاية ولذويهم مقدمي الرعاية"),
        "uk": ("Консультації з догляду", "Консультації для людей, які потребують догляду, та родичів, які доглядають"),
        "ru": ("Консультации по уходу", "Консультации для нуждающихся в уходе и ухаживающих родственников"),
    },
    "seniorenberatung": {
        "en": ("Counselling for older people", "Advice and support for older people"),
        "tr": ("Yaşlılar için danışmanlık", "Yaşlı insanlar için tavsiye ve destek"),
        "ar": ("استشارات لكبار السن", "نصائح ودعم لكبار السن"),
        "uk": ("Консультації для людей похилого віку", "Порада і підтримка для людей похилого віку"),
        "ru": ("Консультации для пожилых людей", "Совет и поддержка для пожилых людей"),
    },
    "wohnungslosenhilfe": {
        "en": ("Help for homeless people", "Help with homelessness and threatened loss of housing"),
        "tr": ("Evsizlere yardım", "Evsizlik ve konut kaybı tehlikesinde yardım"),
        "ar": ("مساعدة المشردين", "مساعدة عند التشرد وخطر فقدان السكن"),
        "uk": ("Допомога безхатнім", "Допомога при безхатності та загрозі втрати житла"),
        "ru": ("Помощь бездомным", "Помощь при бездомности и угрозе потери жилья"),
    },
    "sozialpsychiatrie": {
        "en": ("Social psychiatry", "Help in emotional crises and with mental illness"),
        "tr": ("Sosyal psikiyatri", "Ruhsal krizlerde ve psikolojik hastalıklarda yardım"),
        "ar": ("الطب النفسي الاجتماعي", "مساعدة في الأزمات النفسية وعند الإصابة بمرض نفسي"),
        "uk": ("Соціальна психіатрія", "Допомога в душевних кризах і при психічних захворюваннях"),
        "ru": ("Социальная психиатрия", "Помощь в душевных кризисах и при психических заболеваниях"),
    },
    "teilhabeberatung": {
        "en": (
            "Participation counselling (EUTB)",
            "Independent participation counselling for people with disabilities",
        ),
        "tr": ("Katılım danışmanlığı (EUTB)", "Engelli kişiler için bağımsız katılım danışmanlığı"),
        "ar": ("استشارات المشاركة (EUTB)", "استشارات مستقلة للمشاركة للأشخاص ذوي الإعاقة"),
        "uk": ("Консультації щодо участі (EUTB)", "Незалежні консультації щодо участі для людей з інвалідністю"),
        "ru": ("Консультации по участию (EUTB)", "Независимые консультации по участию для людей с инвалидностью"),
    },
    "jugendberatung": {
        "en": ("Youth counselling", "Counselling for young people and young adults"),
        "tr": ("Gençlik danışmanlığı", "Gençler ve genç yetişkinler için danışmanlık"),
        "ar": ("استشارات الشباب", "استشارات للمراهقين والشباب"),
        "uk": ("Консультації для молоді", "Консультації для підлітків і молодих дорослих"),
        "ru": ("Консультации для молодёжи", "Консультации для подростков и молодых взрослых"),
    },
    "sozialberatung": {
        "en": ("General social counselling", "Help with applications, official notices and benefits"),
        "tr": ("Genel sosyal danışmanlık", "Başvurular, resmi kararlar ve yardımlar konusunda destek"),
        "ar": ("الاستشارات الاجتماعية العامة", "مساعدة في الطلبات والقرارات الرسمية والإعانات"),
        "uk": ("Загальні соціальні консультації", "Допомога із заявами, рішеннями органів і виплатами"),
        "ru": ("Общие социальные консультации", "Помощь с заявлениями, решениями ведомств и пособиями"),
    },
    "trauerbegleitung": {
        "en": ("Bereavement support", "Support after the death of someone close"),
        "tr": ("Yas desteği", "Yakın birinin ölümünden sonra destek"),
        "ar": ("مرافقة في الحزن", "مرافقة بعد وفاة شخص عزيز"),
        "uk": ("Супровід у горі", "Підтримка після смерті близької людини"),
        "ru": ("Сопровождение в горе", "Поддержка после смерти близкого человека"),
    },
}

# German name: {language: name}
ZIELGRUPPEN = {
    "Angehörige": {"en": "Relatives", "tr": "Yakınlar", "ar": "الأقارب", "uk": "Родичі", "ru": "Родственники"},
    "Eltern": {"en": "Parents", "tr": "Ebeveynler", "ar": "الآباء والأمهات", "uk": "Батьки", "ru": "Родители"},
    "Erwachsene": {"en": "Adults", "tr": "Yetişkinler", "ar": "البالغون", "uk": "Дорослі", "ru": "Взрослые"},
    "Frauen": {"en": "Women", "tr": "Kadınlar", "ar": "النساء", "uk": "Жінки", "ru": "Женщины"},
    "Jugendliche": {"en": "Young people", "tr": "Gençler", "ar": "المراهقون", "uk": "Підлітки", "ru": "Подростки"},
    "Kinder": {"en": "Children", "tr": "Çocuklar", "ar": "الأطفال", "uk": "Діти", "ru": "Дети"},
    "Menschen mit Behinderung": {
        "en": "People with disabilities",
        "tr": "Engelli kişiler",
        "ar": "الأشخاص ذوو الإعاقة",
        "uk": "Люди з інвалідністю",
        "ru": "Люди с инвалидностью",
    },
    "Pflegebedürftige": {
        "en": "People in need of care",
        "tr": "Bakıma muhtaç kişiler",
        "ar": "المحتاجون إلى رعاية",
        "uk": "Люди, які потребують догляду",
        "ru": "Нуждающиеся в уходе",
    },
    "Schwangere": {"en": "Pregnant women", "tr": "Hamileler", "ar": "الحوامل", "uk": "Вагітні", "ru": "Беременные"},
    "Senior*innen": {
        "en": "Older people",
        "tr": "Yaşlılar",
        "ar": "كبار السن",
        "uk": "Люди похилого віку",
        "ru": "Пожилые люди",
    },
    "Zugewanderte": {"en": "Immigrants", "tr": "Göçmenler", "ar": "المهاجرون", "uk": "Іммігранти", "ru": "Иммигранты"},
    "junge Erwachsene": {
        "en": "Young adults",
        "tr": "Genç yetişkinler",
        "ar": "الشباب البالغون",
        "uk": "Молоді дорослі",
        "ru": "Молодые взрослые",
    },
}

# Sprache.code: (en, tr, ar, uk, ru)
_SPRACHEN = {
    "de": ("German", "Almanca", "الألمانية", "Німецька", "Немецкий"),
    "en": ("English", "İngilizce", "الإنجليزية", "Англійська", "Английский"),
    "tr": ("Turkish", "Türkçe", "التركية", "Турецька", "Турецкий"),
    "ar": ("Arabic", "Arapça", "العربية", "Арабська", "Арабский"),
    "ru": ("Russian", "Rusça", "الروسية", "Російська", "Русский"),
    "uk": ("Ukrainian", "Ukraynaca", "الأوكرانية", "Українська", "Украинский"),
    "pl": ("Polish", "Lehçe", "البولندية", "Польська", "Польский"),
    "fa": ("Persian (Farsi)", "Farsça", "الفارسية", "Перська (фарсі)", "Персидский (фарси)"),
    "ku": ("Kurdish", "Kürtçe", "الكردية", "Курдська", "Курдский"),
    "ro": ("Romanian", "Rumence", "الرومانية", "Румунська", "Румынский"),
    "bg": ("Bulgarian", "Bulgarca", "البلغارية", "Болгарська", "Болгарский"),
    "fr": ("French", "Fransızca", "الفرنسية", "Французька", "Французский"),
    "es": ("Spanish", "İspanyolca", "الإسبانية", "Іспанська", "Испанский"),
    "it": ("Italian", "İtalyanca", "الإيطالية", "Італійська", "Итальянский"),
    "sq": ("Albanian", "Arnavutça", "الألبانية", "Албанська", "Албанский"),
    "sr": ("Serbian", "Sırpça", "الصربية", "Сербська", "Сербский"),
    "hr": ("Croatian", "Hırvatça", "الكرواتية", "Хорватська", "Хорватский"),
    "el": ("Greek", "Yunanca", "اليونانية", "Грецька", "Греческий"),
    "ps": ("Pashto", "Peştuca", "البشتوية", "Пушту", "Пушту"),
    "ti": ("Tigrinya", "Tigrinya", "التغرينية", "Тигринья", "Тигринья"),
    "so": ("Somali", "Somalice", "الصومالية", "Сомалійська", "Сомалийский"),
    "vi": ("Vietnamese", "Vietnamca", "الفيتنامية", "Вʼєтнамська", "Вьетнамский"),
    "dgs": (
        "German Sign Language",
        "Alman İşaret Dili",
        "لغة الإشارة الألمانية",
        "Німецька жестова мова",
        "Немецкий жестовый язык",
    ),
}
SPRACHEN = {code: dict(zip(("en", "tr", "ar", "uk", "ru"), namen, strict=True)) for code, namen in _SPRACHEN.items()}


def _fuellen(obj, werte: dict[str, str]) -> bool:
    geaendert = False
    for feld, wert in werte.items():
        if not getattr(obj, feld):
            setattr(obj, feld, wert)
            geaendert = True
    return geaendert


def vokabeln_uebersetzen(thema_model, zielgruppe_model, sprache_model) -> int:
    """Fill the empty name_xx (and a Thema's beschreibung_xx) fields of the starting vocabularies."""
    anzahl = 0
    for thema in thema_model.objects.filter(slug__in=THEMEN):
        werte = {}
        for sprache, (name, beschreibung) in THEMEN[thema.slug].items():
            werte[f"name_{sprache}"] = name
            werte[f"beschreibung_{sprache}"] = beschreibung
        if _fuellen(thema, werte):
            thema.save()
            anzahl += 1
    for model, key, tabelle in ((zielgruppe_model, "name", ZIELGRUPPEN), (sprache_model, "code", SPRACHEN)):
        for obj in model.objects.filter(**{f"{key}__in": tabelle}):
            if _fuellen(obj, {f"name_{s}": n for s, n in tabelle[getattr(obj, key)].items()}):
                obj.save()
                anzahl += 1
    return anzahl
