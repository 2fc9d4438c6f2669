"""The demo's translations: the start page, /hilfe/, five Angebote (one Frauenhaus) and the legal pages
(Impressum, Datenschutz, Erklärung zur Barrierefreiheit) as translated pages in the locales en, tr, ar, uk,
ru, and the vocabularies' names (angebote/uebersetzungen.py).

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


# The legal pages: their structure and the settings' labels come from the templates' catalogues; these are
# the editors' texts. The settings' values (addresses, legal form, the Schlichtungsstelle's name) stay as
# the county enters them.
RECHTLICHES = {
    "impressum": {
        "en": ("Legal notice", "<p>Information under § 5 DDG and § 18 MStV (German law).</p>"),
        "tr": ("Künye", "<p>§ 5 DDG ve § 18 MStV (Alman hukuku) uyarınca bilgiler.</p>"),
        "ar": (
            "بيانات الناشر",
            "<p>معلومات وفقاً للمادة 5 من قانون DDG والمادة 18 من معاهدة MStV (القانون الألماني).</p>",
        ),
        "uk": ("Вихідні дані", "<p>Відомості відповідно до § 5 DDG та § 18 MStV (німецьке право).</p>"),
        "ru": ("Выходные данные", "<p>Сведения согласно § 5 DDG и § 18 MStV (немецкое право).</p>"),
    },
    "datenschutz": {
        "en": (
            "Privacy",
            "<p>This portal loads nothing from third parties until you ask for it, such as a background map.</p>",
        ),
        "tr": (
            "Veri koruma",
            "<p>Bu portal, siz açıkça istemedikçe (örneğin bir arka plan haritası) üçüncü taraflardan hiçbir içerik "
            "yüklemez.</p>",
        ),
        "ar": (
            "حماية البيانات",
            "<p>لا تحمّل هذه البوابة أي محتوى من جهات خارجية قبل أن تطلبوا ذلك صراحةً، مثل خريطة الخلفية.</p>",
        ),
        "uk": (
            "Захист даних",
            "<p>Цей портал нічого не завантажує від третіх сторін, доки ви прямо цього не попросите, наприклад "
            "фонову карту.</p>",
        ),
        "ru": (
            "Защита данных",
            "<p>Этот портал ничего не загружает от третьих сторон, пока вы явно об этом не попросите, например "
            "фоновую карту.</p>",
        ),
    },
    "barrierefreiheit": {
        "en": ("Accessibility statement", "<p>This statement applies to the county's Sozialatlas portal.</p>"),
        "tr": ("Erişilebilirlik beyanı", "<p>Bu beyan, ilçenin Sozialatlas portalı için geçerlidir.</p>"),
        "ar": ("بيان إمكانية الوصول", "<p>ينطبق هذا البيان على بوابة Sozialatlas التابعة للمقاطعة.</p>"),
        "uk": ("Заява про доступність", "<p>Ця заява стосується порталу Sozialatlas округу.</p>"),
        "ru": ("Заявление о доступности", "<p>Это заявление относится к порталу Sozialatlas округа.</p>"),
    },
}

BARRIEREFREIHEIT = {
    "en": {
        "methode": "a self-assessment with automated checks (axe, Lighthouse) and checks by hand",
        "nicht_barrierefrei": (
            "<ul><li>Maps: the map views can be used with a keyboard and a screen reader only in part. Everything "
            "the maps show is also in the lists and tables beside them.</li>"
            "<li>Documents: older PDF documents in reports are not always accessible. On request we send them "
            "to you in an accessible form.</li>"
            "<li>Sign language: the video in German Sign Language is still a placeholder without signing. Its "
            "content is in the transcript and in Leichte Sprache (easy German).</li></ul>"
        ),
        "felder": [
            ("Your message", "What did not work?"),
            ("On which page?", "Address or title"),
            ("Your name", ""),
            ("Your email address", "Only if you would like an answer."),
        ],
    },
    "tr": {
        "methode": "otomatik denetimler (axe, Lighthouse) ve elle yapılan denetimlerle bir öz değerlendirme",
        "nicht_barrierefrei": (
            "<ul><li>Haritalar: Harita görünümleri klavye ve ekran okuyucuyla yalnızca kısmen kullanılabilir. "
            "Haritalardaki tüm bilgiler yanlarındaki listelerde ve tablolarda da yer alır.</li>"
            "<li>Belgeler: Raporlardaki eski PDF belgeleri her zaman erişilebilir değildir. İsteğiniz üzerine "
            "size erişilebilir bir biçimde göndeririz.</li>"
            "<li>İşaret dili: Alman İşaret Dili'ndeki video henüz işaretsiz bir yer tutucudur. İçeriği "
            "transkriptte ve Leichte Sprache'de (kolay Almanca) bulunur.</li></ul>"
        ),
        "felder": [
            ("Mesajınız", "Ne çalışmadı?"),
            ("Hangi sayfada?", "Adres veya başlık"),
            ("Adınız", ""),
            ("E-posta adresiniz", "Yalnızca yanıt istiyorsanız."),
        ],
    },
    "ar": {
        "methode": "تقييم ذاتي مع فحوص آلية (axe وLighthouse) وفحوص يدوية",
        "nicht_barrierefrei": (
            "<ul><li>الخرائط: لا يمكن استخدام عروض الخرائط بلوحة المفاتيح وقارئ الشاشة إلا جزئياً. كل ما تعرضه "
            "الخرائط موجود أيضاً في القوائم والجداول المجاورة لها.</li>"
            "<li>المستندات: مستندات PDF القديمة في التقارير ليست دائماً خالية من العوائق. نرسلها إليكم عند "
            "الطلب بصيغة يسهل الوصول إليها.</li>"
            "<li>لغة الإشارة: الفيديو بلغة الإشارة الألمانية لا يزال عنصراً نائباً بلا إشارات. محتواه موجود في "
            "النص المكتوب وفي اللغة الألمانية المبسطة (Leichte Sprache).</li></ul>"
        ),
        "felder": [
            ("رسالتكم", "ما الذي لم يعمل؟"),
            ("في أي صفحة؟", "العنوان أو اسم الصفحة"),
            ("اسمكم", ""),
            ("بريدكم الإلكتروني", "فقط إذا كنتم ترغبون في رد."),
        ],
    },
    "uk": {
        "methode": "самооцінці з автоматичними перевірками (axe, Lighthouse) і перевірками вручну",
        "nicht_barrierefrei": (
            "<ul><li>Карти: перегляд карт із клавіатурою та програмою зчитування з екрана можливий лише частково. "
            "Усі дані карт є також у списках і таблицях поруч.</li>"
            "<li>Документи: старіші PDF-документи у звітах не завжди доступні. На запит ми надішлемо їх вам у "
            "доступній формі.</li>"
            "<li>Мова жестів: відео німецькою мовою жестів поки що є заповнювачем без жестів. Його зміст є в "
            "транскрипті та простою німецькою (Leichte Sprache).</li></ul>"
        ),
        "felder": [
            ("Ваше повідомлення", "Що не спрацювало?"),
            ("На якій сторінці?", "Адреса або назва"),
            ("Ваше ім'я", ""),
            ("Ваша електронна адреса", "Лише якщо ви бажаєте отримати відповідь."),
        ],
    },
    "ru": {
        "methode": "самооценке с автоматическими проверками (axe, Lighthouse) и проверками вручную",
        "nicht_barrierefrei": (
            "<ul><li>Карты: просмотр карт с клавиатуры и с программой чтения с экрана возможен лишь частично. "
            "Все данные карт есть также в списках и таблицах рядом.</li>"
            "<li>Документы: старые PDF-документы в отчётах не всегда доступны. По запросу мы пришлём их вам в "
            "доступной форме.</li>"
            "<li>Язык жестов: видео на немецком жестовом языке пока является заполнителем без жестов. Его "
            "содержание есть в расшифровке и на простом немецком (Leichte Sprache).</li></ul>"
        ),
        "felder": [
            ("Ваше сообщение", "Что не сработало?"),
            ("На какой странице?", "Адрес или название"),
            ("Ваше имя", ""),
            ("Ваш адрес электронной почты", "Только если вы хотите получить ответ."),
        ],
    },
}


def _rechtliches_uebersetzen(home, locale, sprache) -> int:
    """The Impressum, the Datenschutz page and the Erklärung zur Barrierefreiheit with its feedback form."""
    anzahl = 0
    for seite in home.get_children().filter(slug__in=RECHTLICHES).specific():
        titel, intro = RECHTLICHES[seite.slug][sprache]
        felder = {"title": titel, "draft_title": titel, "intro": intro}
        if seite.slug == "barrierefreiheit":
            texte = BARRIEREFREIHEIT[sprache]
            felder |= {"methode": texte["methode"], "nicht_barrierefrei": texte["nicht_barrierefrei"]}
        vorhanden = seite.get_translation_or_none(locale) is not None
        kopie = uebersetzen(seite, locale, felder)
        if seite.slug == "barrierefreiheit" and not vorhanden:
            formular = list(kopie.form_fields.order_by("sort_order"))
            for feld, (label, hilfe) in zip(formular, texte["felder"], strict=True):
                feld.label, feld.help_text = label, hilfe
                feld.save()
            kopie.save_revision().publish()
        anzahl += 1
    return anzahl


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
        seiten += _rechtliches_uebersetzen(home, locale, sprache)
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
    stdout.write(f"Übersetzungen: {seiten} Seiten (Angebote und Pflichtseiten) in {len(SPRACHEN)} Sprachen.")
