"""The starting Suchbegriffe of the Themen in the six citizen languages (German: more lay words beside those of
angebote/startdaten.py). Editors extend them in the admin; the data migration fills empty fields only."""

SUCHBEGRIFFE: dict[str, dict[str, str]] = {
    "schuldnerberatung": {
        "de": (
            "kein Geld, Geldnot, Miete nicht zahlen, Miete nicht bezahlen, Mietrückstand, Mietrückstände, Strom "
            "abgestellt, Stromsperre, Gas abgestellt, Gassperre, Energieschulden, Nebenkostennachzahlung, "
            "Handyschulden, Ratenzahlung, Dispo, Konto überzogen, Kredite, Mahnbescheid, Vollstreckungsbescheid, "
            "Lohnpfändung, Pfändungsschutzkonto, Inkassobüro, Gläubiger, Forderungen, Verbraucherinsolvenz, "
            "Restschuldbefreiung, Schuldenberatung, Vermögensauskunft, zahlungsunfähig, verschuldet, Überschuldung, "
            "Schuldenfalle, Rechnungen, Schuldnerbertung, Schuldnerberatng, Pfendung, Gerichtsvolzieher, Inkaso, "
            "Schuffa, Insolwenz"
        ),
        "en": (
            "debt, debts, in debt, owe money, owing money, bills, unpaid bills, can't pay, can't pay bills, arrears, "
            "rent arrears, behind on rent, can't pay rent, bailiff, bailiffs, debt collector, debt collection, "
            "collection agency, insolvency, bankruptcy, bankrupt, broke, money problems, money worries, no money, "
            "overdraft, overdrawn, loan, loans, credit card debt, electricity cut off, gas cut off, final demand, wage "
            "garnishment, account frozen, payment plan"
        ),
        "tr": (
            "borç, borçlar, borcum var, borçlarım, borçlarım var, borçluyum, borçlu, borcu, borç batağı, icra, "
            "icralık, haciz, maaş haczi, hesap haczi, fatura, faturalar, ödenmemiş faturalar, ödeyemiyorum, kira "
            "borcu, kirayı ödeyemiyorum, elektrik kesildi, elektrik borcu, kredi, kredi borcu, kredi kartı borcu, "
            "iflas, kişisel iflas, para sıkıntısı, param yok, parasızlık, tahsilat şirketi, ihtarname, taksit, Schufa"
        ),
        "ar": (
            "ديون, الديون, ديوني, عليّ ديون, مديون, مديونة, المديونية, فواتير, الفواتير, فاتورة, فواتير غير مدفوعة, لا "
            "أستطيع الدفع, ما أقدر أدفع, متأخرات الإيجار, إيجار متأخر, قرض, قروض, القرض, بطاقة ائتمان, إفلاس, الإفلاس, "
            "إعسار, حجز, حجز الحساب, الحجز على الراتب, محضر قضائي, شركة تحصيل, تحصيل الديون, مشاكل مالية, ضائقة مالية, "
            "ما عندي فلوس, ليس لدي مال, قطع الكهرباء, الكهرباء مقطوعة, إنذار بالدفع, أقساط"
        ),
        "uk": (
            "борг, борги, боргів, боргами, у боргах, заборгованість, винен гроші, винна гроші, кредит, кредити, "
            "кредитів, позика, позики, рахунки, неоплачені рахунки, не можу заплатити, не можу платити, борг за "
            "оренду, борг за квартиру, колектори, колектор, судовий виконавець, виконавча служба, банкрутство, "
            "банкрут, неплатоспроможність, арешт рахунку, нема грошей, немає грошей, грошові проблеми, відключили "
            "світло, відключили електрику, Шуфа"
        ),
        "ru": (
            "долг, долги, долгов, долгами, в долгах, задолженность, должен деньги, должна деньги, кредит, кредиты, "
            "кредитов, займ, заём, займы, счета, неоплаченные счета, не могу заплатить, не могу платить, долг за "
            "квартиру, долг по аренде, коллекторы, коллектор, судебный пристав, пристав, банкротство, банкрот, "
            "неплатёжеспособность, арест счёта, нет денег, проблемы с деньгами, денежные проблемы, отключили свет, "
            "отключили электричество, Шуфа"
        ),
    },
    "suchtberatung": {
        "de": (
            "Alkoholiker, Alkoholikerin, Alkoholproblem, Alkoholsucht, alkoholkrank, Alki, saufen, säuft, Säufer, "
            "betrunken, trinkt zu viel, Mann trinkt, Vater trinkt, Mutter trinkt, Sohn kifft, Schnaps, Drogensucht, "
            "drogenabhängig, Drogenberatung, Kiffer, Gras, Joint, Haschisch, Marihuana, Koks, Crystal Meth, "
            "Substitution, Schlaftabletten, Tablettensucht, Spielhalle, Wetten, Casino, Handysucht, Entgiftung, "
            "trocken werden, nüchtern, Suchtberatungsstelle, aufhören zu rauchen, Shisha, Alkohl, Alkhol, Suchberatung"
        ),
        "en": (
            "addiction, addicted, addict, alcohol, alcoholic, alcoholism, drinking, drinking problem, drinks too much, "
            "drunk, booze, drugs, drug problem, drug addiction, cannabis, weed, marijuana, cocaine, coke, heroin, "
            "crack, crystal meth, meth, pills, painkillers, sleeping pills, gambling, gambler, betting, slot machines, "
            "gaming addiction, smoking, quit smoking, nicotine, vaping, detox, withdrawal, rehab, relapse, sober, "
            "Alcoholics Anonymous"
        ),
        "tr": (
            "bağımlılık, bağımlı, alkol, alkolik, alkol bağımlılığı, alkol sorunu, içki, içki içiyor, çok içiyor, "
            "kocam içiyor, sarhoş, uyuşturucu, uyuşturucu bağımlılığı, madde bağımlılığı, esrar, kokain, eroin, "
            "bonzai, uyuşturucu hap, ilaç bağımlılığı, kumar, kumar bağımlılığı, bahis, iddaa, kumarhane, oyun "
            "bağımlılığı, internet bağımlılığı, sigara, sigarayı bırakmak, nikotin, detoks, arınma, yoksunluk, Adsiz "
            "Alkolikler"
        ),
        "ar": (
            "إدمان, الإدمان, مدمن, مدمنة, كحول, الكحول, إدمان الكحول, خمر, الخمر, شرب الكحول, سكران, مخدرات, المخدرات, "
            "إدمان المخدرات, حشيش, الحشيش, ماريجوانا, كوكايين, هيروين, حبوب مخدرة, الحبوب المخدرة, مسكنات, قمار, "
            "القمار, مراهنات, المراهنات, إدمان الألعاب, تدخين, التدخين, سجائر, نيكوتين, الإقلاع عن التدخين, علاج "
            "الإدمان, أعراض الانسحاب, التعافي, الكريستال, زوجي يشرب"
        ),
        "uk": (
            "залежність, залежний, залежна, алкоголь, алкоголізм, алкоголік, алкоголічка, пиячить, пияцтво, випиває, "
            "напивається, випивка, наркотики, наркотиків, наркоманія, наркоман, наркозалежність, травка, марихуана, "
            "канабіс, кокаїн, героїн, таблетки, снодійне, азартні ігри, ігроманія, ставки, казино, ігрова залежність, "
            "куріння, кинути курити, нікотин, детокс, ломка, зрив, Анонімні алкоголіки, чоловік пиячить"
        ),
        "ru": (
            "зависимость, зависимый, зависимая, алкоголь, алкоголизм, алкоголик, алкоголичка, пьёт, пьянство, запой, "
            "выпивает, пьяный, муж пьёт, наркотики, наркотиков, наркомания, наркоман, наркозависимость, травка, "
            "марихуана, гашиш, кокаин, героин, таблетки, снотворное, азартные игры, игромания, ставки, казино, игровая "
            "зависимость, курение, бросить курить, никотин, детокс, ломка, срыв, кодирование, Анонимные алкоголики"
        ),
    },
    "frauenhaus": {
        "de": (
            "Frauenschutzhaus, Schutzhaus, Schutzunterkunft, Unterkunft für Frauen, Frauenhausplatz, untertauchen, "
            "fliehen, weglaufen, schlägt mich, Mann schlägt mich, Freund schlägt mich, Ehemann schlägt, prügelt, "
            "verprügelt, Prügel, Schläge, misshandelt, Misshandlung, gewalttätig, gewalttätiger Mann, gewalttätiger "
            "Partner, Partnergewalt, Beziehungsgewalt, Morddrohung, droht mich umzubringen, Ex-Mann, Ex-Partner, "
            "geheime Adresse, sicherer Ort, sofort weg, Frauenhauß, Fraunhaus"
        ),
        "en": (
            "women's shelter, womens shelter, women's refuge, refuge, shelter for women, safe house, safe place, "
            "domestic violence, domestic abuse, abusive husband, abusive partner, husband hits me, husband beats me, "
            "boyfriend hits me, partner hits me, beaten, beats me, violent husband, violent partner, flee, escape, "
            "threatened, threatens to kill me, protection for women, hiding from husband"
        ),
        "tr": (
            "kadın sığınma evi, kadın sığınağı, sığınma evi, kadın evi, kadın konukevi, şiddet, aile içi şiddet, ev "
            "içi şiddet, kocam dövüyor, kocam beni dövüyor, eşim dövüyor, eşim beni dövüyor, dayak, dayak yiyorum, "
            "dövülüyorum, darp, tehdit, tehdit ediyor, öldürmekle tehdit, kaçmak, kaçmak istiyorum, güvenli yer, "
            "güvenli ev, korunma, koruma"
        ),
        "ar": (
            "بيت النساء, دار حماية النساء, ملجأ, ملجأ للنساء, دار إيواء النساء, بيت آمن, مكان آمن, عنف, العنف, العنف "
            "الأسري, عنف أسري, العنف المنزلي, عنف منزلي, زوجي يضربني, يضربني, ضرب, الضرب, تعرضت للضرب, تهديد, التهديد, "
            "يهددني, يهددني بالقتل, الهروب من زوجي, هروب, حماية, الحماية, زوج عنيف, حماية النساء"
        ),
        "uk": (
            "жіночий притулок, притулок для жінок, притулок, кризовий центр для жінок, безпечне місце, домашнє "
            "насильство, насильство вдома, насильство, насилля, чоловік б'є, чоловік мене б'є, побої, побив, побиття, "
            "б'ють, кривдник, погрози, погрожує, погрожує вбити, втекти від чоловіка, втекти, втеча, захист, "
            "прихисток, сховатися"
        ),
        "ru": (
            "женский приют, приют для женщин, кризисный центр для женщин, убежище для женщин, убежище, безопасное "
            "место, домашнее насилие, семейное насилие, насилие, муж бьёт, муж меня бьёт, бьёт меня, избивает, избил, "
            "побои, угрозы, угрожает, угрожает убить, сбежать от мужа, бежать от мужа, сбежать, защита, спрятаться, "
            "тиран"
        ),
    },
    "frauenberatung": {
        "de": (
            "Frauenberatungsstelle, Gewaltschutzgesetz, Gewaltschutzantrag, Wegweisung, Kontaktverbot, "
            "Annäherungsverbot, Näherungsverbot, Stalker, verfolgt mich, Nachstellung, Telefonterror, sexuelle "
            "Belästigung, sexueller Übergriff, Übergriff, Nötigung, vergewaltigt, missbraucht, sexueller Missbrauch, "
            "K.-o.-Tropfen, Genitalverstümmelung, Zwangsehe, Zwangsverheiratung, Polizei, Anzeige erstatten, "
            "Polizeieinsatz, kontrollierender Partner, Ex-Freund, Hassnachrichten, Nacktbilder, Sextortion, "
            "Frauenrechte, Gewalterfahrung, Vergewaltigng, Stalkin"
        ),
        "en": (
            "violence, domestic violence, abuse, abused, emotional abuse, sexual abuse, sexual assault, rape, raped, "
            "harassment, harassed, sexually harassed, stalking, stalker, being followed, restraining order, protection "
            "order, forced marriage, honour violence, FGM, female genital mutilation, controlling partner, coercive "
            "control, abusive relationship, police report, women's rights"
        ),
        "tr": (
            "şiddet, kadına şiddet, aile içi şiddet, sözlü şiddet, cinsel şiddet, taciz, cinsel taciz, tecavüz, "
            "tecavüze uğradım, ısrarlı takip, takip ediliyorum, peşimi bırakmıyor, istismar, cinsel istismar, zorla "
            "evlendirme, zorla evlilik, uzaklaştırma kararı, koruma kararı, tehdit, polis, şikayet etmek, kadın "
            "hakları, kadınlar"
        ),
        "ar": (
            "عنف, العنف, العنف ضد المرأة, العنف الأسري, عنف جنسي, العنف الجنسي, تحرش, التحرش, تحرش جنسي, اغتصاب, "
            "الاغتصاب, اعتداء, اعتداء جنسي, ملاحقة, مطاردة, يلاحقني, إساءة, سوء معاملة, زواج قسري, الزواج القسري, ختان "
            "الإناث, أمر حماية, منع الاقتراب, تهديد, الشرطة, بلاغ للشرطة, حقوق المرأة, النساء, المرأة"
        ),
        "uk": (
            "насильство, домашнє насильство, сексуальне насильство, насилля, зґвалтування, зґвалтували, домагання, "
            "сексуальні домагання, переслідування, переслідує мене, сталкінг, кривдник, жорстоке поводження, "
            "примусовий шлюб, заборонний припис, обмежувальний припис, погрози, образи, приниження, поліція, заява в "
            "поліцію, права жінок, жінки, жінкам"
        ),
        "ru": (
            "насилие, домашнее насилие, сексуальное насилие, изнасилование, изнасиловали, домогательства, сексуальные "
            "домогательства, преследование, преследует меня, сталкинг, абьюз, абьюзер, жестокое обращение, "
            "принудительный брак, запретительный приказ, запрет приближаться, угрозы, оскорбления, унижения, полиция, "
            "заявление в полицию, права женщин, женщины, женщинам"
        ),
    },
    "migrationsberatung": {
        "de": (
            "Ausländeramt, Aufenthaltsgenehmigung, Aufenthaltstitel verlängern, Niederlassungserlaubnis, Duldung, "
            "Blaue Karte, Arbeitserlaubnis, Fiktionsbescheinigung, Reisepass, Staatsangehörigkeit, Einbürgerungstest, "
            "Sprachkurs, Sprachkurse, Deutschprüfung, Anerkennung, Berufsanerkennung, Zeugnis anerkennen, Asylantrag, "
            "Asylverfahren, Abschiebung, abgeschoben, Flüchtling, Geflüchteter, Ukrainer, Ukraine, Zuwanderer, "
            "Ausländer, Einwanderer, Neuzugewanderte, Visa, Familienzusammenführung, Ehegattennachzug, BAMF, "
            "Migrationsdienst, Dolmetscher, Übersetzer, Übersetzung, Aufenthalserlaubnis, Einbürgerung beantragen, "
            "Ausländerbehörde Termin"
        ),
        "en": (
            "migration, migrant, migrants, immigrant, immigration, refugee, refugees, asylum, asylum seeker, asylum "
            "application, residence permit, residence title, visa, work permit, blue card, citizenship, "
            "naturalisation, naturalization, passport, immigration office, foreigners office, deportation, deported, "
            "learn German, German course, German classes, language course, integration course, family reunification, "
            "recognition of qualifications, recognition of degree, interpreter, translator, from Ukraine, Ukrainian "
            "refugees"
        ),
        "tr": (
            "göç, göçmen, göçmenler, yabancı, yabancılar dairesi, yabancılar şubesi, oturum, oturum izni, ikamet, "
            "ikamet izni, oturma izni, vize, çalışma izni, vatandaşlık, Alman vatandaşlığı, pasaport, iltica, mülteci, "
            "mülteciler, sığınmacı, sınır dışı, sınır dışı edilme, Almanca kursu, Almanca öğrenmek, dil kursu, "
            "entegrasyon kursu, uyum kursu, aile birleşimi, diploma denkliği, denklik, tercüman, çevirmen"
        ),
        "ar": (
            "هجرة, الهجرة, مهاجر, مهاجرين, المهاجرين, لاجئ, لاجئين, اللاجئين, لجوء, اللجوء, طلب لجوء, إقامة, الإقامة, "
            "تصريح إقامة, تصريح الإقامة, الإقامة الدائمة, تجديد الإقامة, فيزا, تأشيرة, التأشيرة, جنسية, الجنسية, "
            "التجنيس, جواز سفر, جواز السفر, دائرة الأجانب, مكتب الأجانب, ترحيل, الترحيل, دولدونغ, دورة لغة, دورة "
            "ألمانية, تعلم الألمانية, اللغة الألمانية, دورة الاندماج, كورس اندماج, لم الشمل, لم شمل العائلة, معادلة "
            "الشهادة, الاعتراف بالشهادة, مترجم, ترجمة, تصريح عمل"
        ),
        "uk": (
            "міграція, мігрант, мігранти, іммігрант, біженець, біженці, біженка, біженців, посвідка на проживання, "
            "дозвіл на проживання, вид на проживання, тимчасовий захист, параграф 24, віза, візи, громадянство, "
            "натуралізація, паспорт, відомство у справах іноземців, іноземці, депортація, курси німецької, курси "
            "німецької мови, вивчити німецьку, німецька мова, мовні курси, інтеграційний курс, возз'єднання родини, "
            "визнання диплома, визнання освіти, перекладач, переклад, дозвіл на роботу, з України"
        ),
        "ru": (
            "миграция, мигрант, мигранты, иммигрант, беженец, беженцы, беженка, беженцев, политическое убежище, вид на "
            "жительство, ВНЖ, разрешение на пребывание, временная защита, параграф 24, виза, визы, гражданство, "
            "натурализация, паспорт, ведомство по делам иностранцев, иностранцы, депортация, курсы немецкого, курсы "
            "немецкого языка, выучить немецкий, немецкий язык, языковые курсы, интеграционный курс, воссоединение "
            "семьи, признание диплома, переводчик, перевод, разрешение на работу, из Украины"
        ),
    },
    "erziehungsberatung": {
        "de": (
            "Sohn, Tochter, Kleinkind, Trotzphase, Wutanfälle, Wutanfall, Erziehungsprobleme, "
            "Erziehungsberatungsstelle, Familienstreit, Familienprobleme, Paarberatung, Eheberatung, Eheprobleme, "
            "Umgangsrecht, Besuchsrecht, Umgangsregelung, Wechselmodell, Sorgerechtsstreit, alleinerziehend, "
            "Alleinerziehende, alleinerziehende Mutter, alleinerziehender Vater, Stiefkind, Patchworkfamilie, "
            "Einnässen, Bettnässen, Kita, Kindergarten, Schulangst, Konzentrationsprobleme, hyperaktiv, hört nicht, "
            "Jugendamt, Erziehungshilfe, Kinderbetreuung, Erziehng, Pupertät"
        ),
        "en": (
            "parenting, parents, parent, child, children, kids, my son, my daughter, toddler, tantrums, temper "
            "tantrums, crying baby, behaviour problems, behavior problems, difficult child, won't listen, family "
            "conflict, family problems, family therapy, divorce, separation, custody, child custody, visitation "
            "rights, contact with my child, co-parenting, single parent, single mother, single father, stepfamily, "
            "puberty, ADHD, school problems, bedwetting"
        ),
        "tr": (
            "çocuk, çocuklar, çocuğum, çocuğumuz, oğlum, kızım, ebeveyn, anne baba, aile, aile sorunları, aile içi "
            "kavga, çocuk eğitimi, çocuk terbiyesi, ergenlik, öfke nöbeti, inatçılık, söz dinlemiyor, ağlayan bebek, "
            "boşanma, ayrılık, velayet, çocukla görüşme, görüş hakkı, tek ebeveyn, bekar anne, üvey çocuk, okul "
            "sorunları, hiperaktivite, DEHB"
        ),
        "ar": (
            "تربية, التربية, تربية الأطفال, أطفال, الأطفال, طفل, الطفل, طفلي, ابني, ابنتي, بنتي, الأهل, أولياء الأمور, "
            "عائلة, العائلة, الأسرة, أسرة, مشاكل عائلية, خلافات عائلية, المراهقة, نوبات غضب, عناد, طفل عنيد, بكاء "
            "الطفل, طلاق, الطلاق, انفصال, الانفصال, الحضانة, حق الحضانة, حق الزيارة, أم عزباء, فرط الحركة, مشاكل في "
            "المدرسة"
        ),
        "uk": (
            "виховання, діти, дитина, дітей, дитині, мій син, син, моя донька, донька, дочка, батьки, сім'я, родина, "
            "сімейні проблеми, сварки в родині, конфлікти в родині, істерики, дитина не слухається, неслухняна дитина, "
            "розлучення, розлучилися, опіка над дитиною, місце проживання дитини, спілкування з дитиною, одинока мати, "
            "мати-одиначка, гіперактивність, СДУГ, проблеми в школі, пубертат, немовля плаче"
        ),
        "ru": (
            "воспитание, дети, ребёнок, детей, ребёнку, мой сын, сын, моя дочь, дочь, родители, семья, семейные "
            "проблемы, ссоры в семье, конфликты в семье, истерики, ребёнок не слушается, непослушный ребёнок, развод, "
            "развелись, расставание, опека, право опеки, место жительства ребёнка, общение с ребёнком, мать-одиночка, "
            "гиперактивность, СДВГ, проблемы в школе, пубертат, младенец плачет"
        ),
    },
    "schwangerschaftsberatung": {
        "de": (
            "Schwangere, schwanger geworden, Schwangerschaftstest, positiver Test, ungeplant schwanger, ungewollte "
            "Schwangerschaft, abtreiben, Pille danach, Pille, Spirale, Kondom, Verhütungsmittel, "
            "Schwangerschaftskonfliktberatung, Konfliktberatung, Entbindung, Kaiserschnitt, Wochenbett, "
            "Erstausstattung, Babyausstattung, Babysachen, Bundesstiftung Mutter und Kind, Elternzeit, Mutterpass, "
            "Fehlgeburt, vertrauliche Geburt, anonyme Geburt, Babyklappe, werdende Mutter, Schwangerschaftskonflickt, "
            "Schwangerchaft, Abtreibng"
        ),
        "en": (
            "pregnant, pregnancy, expecting a baby, unplanned pregnancy, unwanted pregnancy, pregnancy test, abortion, "
            "termination of pregnancy, morning after pill, contraception, birth control, condoms, birth, giving birth, "
            "midwife, maternity leave, maternity protection, parental allowance, baby equipment, baby things, "
            "miscarriage, pregnancy conflict, confidential birth, newborn"
        ),
        "tr": (
            "hamile, hamileyim, hamilelik, gebelik, gebe, bebek bekliyorum, istenmeyen gebelik, planlanmamış "
            "hamilelik, gebelik testi, kürtaj, gebeliği sonlandırma, doğum, doğum yapmak, ebe, doğum izni, annelik "
            "izni, ebeveyn parası, Elterngeld, doğum kontrolü, prezervatif, kondom, doğum kontrol hapı, ertesi gün "
            "hapı, bebek eşyaları, yeni doğan"
        ),
        "ar": (
            "حامل, أنا حامل, الحمل, حمل, حمل غير مخطط, حمل غير مرغوب, اختبار الحمل, إجهاض, الإجهاض, الولادة, ولادة, "
            "قابلة, القابلة, منع الحمل, وسائل منع الحمل, حبوب منع الحمل, حبة الصباح التالي, الواقي الذكري, إجازة "
            "الأمومة, حماية الأمومة, الأمومة, Elterngeld, أغراض الطفل, مستلزمات المولود, مولود, المولود الجديد, رضيع, "
            "جنين"
        ),
        "uk": (
            "вагітна, вагітність, вагітності, я вагітна, чекаю дитину, небажана вагітність, незапланована вагітність, "
            "тест на вагітність, аборт, переривання вагітності, пологи, народження дитини, акушерка, декрет, декретна "
            "відпустка, захист материнства, батьківська допомога, Elterngeld, контрацепція, протизаплідні, "
            "презервативи, таблетка наступного дня, речі для немовляти, новонароджений, немовля, викидень"
        ),
        "ru": (
            "беременна, беременность, беременности, я беременна, жду ребёнка, нежелательная беременность, "
            "незапланированная беременность, тест на беременность, аборт, прерывание беременности, роды, рождение "
            "ребёнка, акушерка, декрет, декретный отпуск, защита материнства, родительское пособие, Elterngeld, "
            "контрацепция, противозачаточные, презервативы, экстренная контрацепция, вещи для новорождённого, "
            "новорождённый, младенец, выкидыш"
        ),
    },
    "pflegeberatung": {
        "de": (
            "Mutter pflegen, Vater pflegen, Pflege Mutter, Pflege Vater, Oma, Opa, Oma pflegen, Opa pflegen, Ehemann "
            "pflegen, Pflegefall, pflegende Angehörige, Pflegeantrag, Pflegegrad beantragen, Medizinischer Dienst, "
            "MDK, Begutachtung, Höherstufung, ambulanter Pflegedienst, 24-Stunden-Pflege, Betreuungskraft, "
            "Pflegekraft, Altenheim, Heimplatz, Entlastungsbetrag, Entlastung, überlastet, Alzheimer, vergesslich, "
            "dement, Gedächtnisprobleme, Pflegebett, Rollator, Treppenlift, Wohnraumanpassung, bettlägerig, "
            "Inkontinenz, Pflegstufe, Plegegrad, Pflegegard, Demens"
        ),
        "en": (
            "care, nursing care, elderly care, caring for mother, caring for my mother, caring for father, caring for "
            "my father, carer, caregiver, care level, care grade, care allowance, care insurance, home "
            "care, nursing service, care home, nursing home, respite care, short-term care, dementia, Alzheimer's, "
            "forgetful, bedridden, mobility aids, walker, stair lift, incontinence, grandma, grandpa, care assessment"
        ),
        "tr": (
            "bakım, bakıma muhtaç, yaşlı bakımı, annemin bakımı, annem bakıma muhtaç, babamın bakımı, babam bakıma "
            "muhtaç, hasta bakımı, evde bakım, bakım derecesi, bakım parası, bakım sigortası, bakım servisi, bakımevi, "
            "bakım yurdu, kısa süreli bakım, gündüz bakımı, demans, alzheimer, unutkanlık, yatalak, yürüteç, hasta "
            "bezi, nine, dede, anneanne, babaanne, Pflegegrad"
        ),
        "ar": (
            "رعاية, الرعاية, رعاية المسنين, رعاية أمي, رعاية أبي, رعاية والدتي, رعاية والدي, تمريض, التمريض, تمريض "
            "منزلي, خدمة التمريض, ممرضة, درجة الرعاية, بدل الرعاية, تأمين الرعاية, دار رعاية, دار المسنين, رعاية قصيرة "
            "المدى, رعاية نهارية, خرف, الخرف, الزهايمر, النسيان, طريح الفراش, مشاية, حفاضات للكبار, جدتي, جدي, "
            "Pflegegrad"
        ),
        "uk": (
            "догляд, догляд за мамою, догляд за батьком, доглядати, доглядаю маму, мама, маму, тато, лежачий хворий, "
            "лежача, ступінь догляду, Pflegegrad, гроші на догляд, страхування догляду, доглядальниця, патронажна "
            "служба, служба догляду, будинок престарілих, короткочасний догляд, денний догляд, деменція, Альцгеймер, "
            "забудькуватість, ходунки, памперси для дорослих, бабуся, дідусь, бабусю, дідуся"
        ),
        "ru": (
            "уход, уход за мамой, уход за матерью, уход за отцом, ухаживать, ухаживаю за мамой, мама, маму, папа, "
            "лежачий больной, лежачая, степень ухода, Pflegegrad, деньги по уходу, страховка по уходу, сиделка, "
            "патронажная служба, служба ухода, дом престарелых, кратковременный уход, дневной уход, деменция, "
            "Альцгеймер, забывчивость, ходунки, памперсы для взрослых, бабушка, дедушка"
        ),
    },
    "seniorenberatung": {
        "de": (
            "Senior, Seniorin, alte Menschen, ältere Leute, Rentenantrag, Rente beantragen, Grundsicherung im Alter, "
            "Altersarmut, kleine Rente, niemand zum Reden, vereinsamt, Langeweile, Seniorenbüro, Seniorenclub, "
            "Seniorennachmittag, Seniorengruppe, Gesellschaft, Ausflüge, Notrufknopf, Notrufarmband, Vollmacht, "
            "Betreuungsverfügung, altersgerecht wohnen, seniorengerecht, Ruhestand, Pensionär, Pension, Generation 60 "
            "plus, Senjoren"
        ),
        "en": (
            "senior, seniors, senior citizens, elderly, old age, older people, old people, pensioner, pensioners, "
            "pension, retirement, retired, lonely, loneliness, isolated, no one to talk to, seniors club, social club "
            "for seniors, assisted living, emergency button, personal alarm, power of attorney, living will, advance "
            "directive, coffee afternoon"
        ),
        "tr": (
            "yaşlı, yaşlılar, yaşlılık, ileri yaş, emekli, emeklilik, emekli maaşı, emeklilik başvurusu, yalnızlık, "
            "yalnız kaldım, kimsem yok, konuşacak kimse yok, yaşlılar için buluşma, yaşlılar kulübü, huzurevi, yaşlı "
            "konutu, acil çağrı butonu, acil çağrı cihazı, vekaletname, hasta vasiyeti, komşu desteği"
        ),
        "ar": (
            "كبار السن, كبير السن, المسنين, مسن, مسنة, الشيخوخة, متقاعد, متقاعدة, متقاعدين, التقاعد, المعاش, معاش "
            "التقاعد, الراتب التقاعدي, الوحدة, وحيد, وحيدة, العزلة, لا أحد أتحدث معه, نادي المسنين, لقاء كبار السن, "
            "دار كبار السن, السكن المساعد, زر الطوارئ, جهاز نداء الطوارئ, توكيل رسمي, الوصية الطبية, الجيران"
        ),
        "uk": (
            "літні люди, літня людина, люди похилого віку, похилий вік, старість, пенсіонер, пенсіонерка, пенсіонери, "
            "пенсія, пенсії, вихід на пенсію, самотність, самотній, самотня, нема з ким поговорити, клуб для літніх, "
            "зустрічі для пенсіонерів, будинок для літніх, кнопка екстреного виклику, тривожна кнопка, довіреність, "
            "медичне розпорядження, сусідська підтримка"
        ),
        "ru": (
            "пожилые люди, пожилой, пожилая, пожилых, пожилым, старость, пенсионер, пенсионерка, пенсионеры, пенсия, "
            "пенсии, выход на пенсию, одиночество, одинокий, одинокая, не с кем поговорить, клуб для пожилых, встречи "
            "для пенсионеров, кнопка экстренного вызова, тревожная кнопка, доверенность, медицинское распоряжение, "
            "соседская помощь"
        ),
    },
    "wohnungslosenhilfe": {
        "de": (
            "Obdachloser, Obdachlose, Wohnungsloser, Wohnungslose, ohne Wohnung, Wohnung weg, Wohnung gekündigt, "
            "Kündigung Vermieter, Eigenbedarf, Eigenbedarfskündigung, rausgeschmissen, rausgeworfen, Rauswurf, Platte "
            "machen, Schlafplatz, Übernachtungsstelle, Notschlafstelle, Winternotprogramm, Couchsurfing, kein Dach "
            "über dem Kopf, Wohnungssuche, Sozialwohnung, Wohnberechtigungsschein, WBS, Meldeadresse, Postanschrift, "
            "duschen, Kleiderkammer, Wärmestube, Räumungstermin, Obdachlosenunterkunft, Notunterkünfte, obdachlos "
            "geworden, Räumungsklag"
        ),
        "en": (
            "homeless, homelessness, no home, nowhere to live, nowhere to sleep, place to sleep, sleeping rough, "
            "sleeping on the street, living on the street, on the streets, evicted, eviction, eviction notice, notice "
            "to quit, lost my flat, lost my apartment, losing my home, kicked out, thrown out, emergency "
            "accommodation, homeless shelter, night shelter, couch surfing, flat hunting, social housing, postal "
            "address, shower, laundry"
        ),
        "tr": (
            "evsiz, evsizlik, evsizim, evim yok, kalacak yer yok, kalacak yer, sokakta kaldım, sokakta yaşıyorum, "
            "sokakta yatmak, barınak, gece barınağı, acil konaklama, tahliye, tahliye kararı, evden çıkarıldım, evden "
            "atıldım, ev sahibi çıkarıyor, kira sözleşmesi feshi, fesih, ev arıyorum, ev bulamıyorum, sosyal konut, "
            "posta adresi, duş, çamaşır yıkamak"
        ),
        "ar": (
            "مشرد, مشردة, مشردين, المشردين, التشرد, بلا مأوى, بدون مأوى, بلا سكن, بدون سكن, ليس لدي سكن, ما عندي بيت, "
            "مكان للنوم, ما عندي مكان للنوم, النوم في الشارع, أنام في الشارع, إخلاء, الإخلاء, إخلاء الشقة, طرد من "
            "الشقة, طردوني من البيت, فقدت شقتي, فسخ عقد الإيجار, سكن طارئ, مأوى طارئ, مأوى ليلي, أبحث عن سكن, البحث عن "
            "شقة, سكن اجتماعي, عنوان بريدي, استحمام, غسيل الملابس"
        ),
        "uk": (
            "безхатько, бездомний, бездомна, бездомні, бездомність, безпритульний, без житла, немає житла, нема де "
            "спати, нема де ночувати, ночівля, ночую на вулиці, живу на вулиці, на вулиці, виселення, виселили, "
            "виганяють з квартири, втратив квартиру, втратила квартиру, розірвання договору оренди, нічліжка, притулок "
            "для бездомних, екстрене житло, шукаю житло, шукаю квартиру, соціальне житло, поштова адреса, душ, прання, "
            "бомж"
        ),
        "ru": (
            "бездомный, бездомная, бездомные, бездомность, бомж, без жилья, нет жилья, негде спать, негде ночевать, "
            "ночлег, ночую на улице, живу на улице, на улице, выселение, выселили, выгоняют из квартиры, потерял "
            "квартиру, потеряла квартиру, расторжение договора аренды, ночлежка, приют для бездомных, экстренное "
            "жильё, ищу жильё, ищу квартиру, социальное жильё, почтовый адрес, душ, стирка"
        ),
    },
    "sozialpsychiatrie": {
        "de": (
            "Psychotherapeut, Psychotherapie, Therapeut, Therapieplatz, Psychiater, Psychiatrie, seelische Gesundheit, "
            "psychische Probleme, Depressionen, deprimiert, niedergeschlagen, erschöpft, Panikattacke, Panikattacken, "
            "Angststörung, Zwangsstörung, Zwangsgedanken, bipolar, Stimmen hören, Essstörung, ritzen, "
            "Selbstverletzung, Selbstmord, Selbstmordgedanken, nicht mehr leben wollen, lebensmüde, Schlafstörungen, "
            "kann nicht schlafen, Trauma, PTBS, Krisendienst, Telefonseelsorge, Psycholge, Psychologe, Depresion, "
            "Suzid, Pyschologe"
        ),
        "en": (
            "mental health, mental illness, mentally ill, psychologist, psychiatrist, therapist, therapy, "
            "psychotherapy, depression, depressed, feeling down, anxiety, anxious, panic attacks, panic, fear, "
            "burnout, burned out, exhausted, nervous breakdown, breakdown, crisis, suicidal, suicide, suicidal "
            "thoughts, kill myself, end my life, self-harm, hearing voices, psychosis, schizophrenia, bipolar, OCD, "
            "eating disorder, trauma, PTSD, insomnia"
        ),
        "tr": (
            "ruh sağlığı, ruhsal, ruhsal sorunlar, psikolojik sorunlar, psikolog, psikiyatrist, psikiyatri, terapist, "
            "terapi, psikoterapi, depresyon, depresyondayım, bunalım, bunalımdayım, kaygı, anksiyete, korku, panik "
            "atak, panik, tükenmişlik, sinir krizi, kriz, intihar, intihar düşünceleri, ölmek istiyorum, kendime zarar "
            "vermek, sesler duyuyorum, psikoz, şizofreni, bipolar, travma, uyuyamıyorum, uykusuzluk"
        ),
        "ar": (
            "الصحة النفسية, صحة نفسية, نفسية, مشاكل نفسية, مرض نفسي, أمراض نفسية, طبيب نفسي, معالج نفسي, أخصائي نفسي, "
            "علاج نفسي, اكتئاب, الاكتئاب, مكتئب, مكتئبة, قلق, القلق, خوف, نوبات هلع, هلع, ذعر, إرهاق, احتراق نفسي, "
            "انهيار عصبي, أزمة نفسية, انتحار, الانتحار, أفكار انتحارية, لا أريد أن أعيش, إيذاء النفس, أسمع أصوات, "
            "ذهان, فصام, الفصام, صدمة نفسية, أرق, لا أستطيع النوم"
        ),
        "uk": (
            "психічне здоров'я, психіка, психічні проблеми, психічний розлад, психічна хвороба, психолог, психологиня, "
            "психіатр, психотерапевт, психотерапія, терапія, депресія, депресії, депресивний, пригнічений, тривога, "
            "тривожність, страх, панічні атаки, паніка, вигорання, виснаження, нервовий зрив, криза, самогубство, "
            "суїцид, суїцидальні думки, не хочу жити, самоушкодження, чую голоси, психоз, шизофренія, біполярний "
            "розлад, травма, ПТСР, безсоння"
        ),
        "ru": (
            "психическое здоровье, психика, психические проблемы, психическое расстройство, психическое заболевание, "
            "психолог, психиатр, психотерапевт, психотерапия, терапия, депрессия, депрессии, депрессивный, "
            "подавленность, тревога, тревожность, страх, панические атаки, паника, выгорание, истощение, нервный срыв, "
            "кризис, самоубийство, суицид, суицидальные мысли, не хочу жить, самоповреждение, слышу голоса, психоз, "
            "шизофрения, биполярное расстройство, травма, ПТСР, бессонница"
        ),
    },
    "teilhabeberatung": {
        "de": (
            "Behinderungen, Behindertenausweis, Schwerbehindertenausweis beantragen, GdB, Grad der Behinderung, "
            "Merkzeichen, Rollstuhlfahrer, Rollifahrer, sehbehindert, Sehbehinderung, schwerhörig, taub, "
            "Gebärdensprache, Gebärdensprachdolmetscher, geistige Behinderung, Lernbehinderung, körperliche "
            "Behinderung, Mehrfachbehinderung, Autismus, Autist, Down-Syndrom, chronisch krank, chronische Krankheit, "
            "Schulbegleitung, Schulbegleiter, Integrationshelfer, Werkstatt für behinderte Menschen, WfbM, "
            "Teilhabeleistungen, Nachteilsausgleich, Assistenzhund, Blindenhund, Peer-Beratung, Erwerbsminderung, "
            "Gleichstellung, Behinderug, Schwerbehindertenausweiss"
        ),
        "en": (
            "disability, disabilities, disabled, handicapped, handicap, special needs, wheelchair, wheelchair user, "
            "blind, visually impaired, deaf, hearing impaired, sign language, learning disability, intellectual "
            "disability, physical disability, autism, autistic, Down syndrome, chronic illness, severely disabled, "
            "disability card, degree of disability, personal budget, personal assistant, inclusion, sheltered "
            "workshop, school assistant, assistance dog, guide dog"
        ),
        "tr": (
            "engelli, engellilik, engelli kartı, engelli raporu, engellilik derecesi, özürlü, tekerlekli sandalye, "
            "görme engelli, kör, işitme engelli, sağır, işaret dili, zihinsel engelli, öğrenme güçlüğü, bedensel "
            "engelli, otizm, otistik, down sendromu, kronik hasta, kronik hastalık, kişisel bütçe, asistan, "
            "kaynaştırma, rehabilitasyon, engelli atölyesi, okul refakatçisi, rehber köpek"
        ),
        "ar": (
            "إعاقة, الإعاقة, معاق, معاقة, ذوي الاحتياجات الخاصة, احتياجات خاصة, ذوي الإعاقة, كرسي متحرك, الكرسي "
            "المتحرك, أعمى, كفيف, ضعف البصر, أصم, الصم, ضعف السمع, لغة الإشارة, إعاقة ذهنية, صعوبات التعلم, إعاقة "
            "جسدية, توحد, التوحد, متلازمة داون, مرض مزمن, بطاقة الإعاقة, درجة الإعاقة, الدمج, إعادة التأهيل, تأهيل, "
            "الميزانية الشخصية, مرافق مدرسي"
        ),
        "uk": (
            "інвалідність, інвалідністю, з інвалідністю, людина з інвалідністю, інвалід, інваліди, особливі потреби, "
            "інвалідний візок, незрячий, сліпий, поганий зір, глухий, глухота, погано чую, жестова мова, розумова "
            "відсталість, порушення розвитку, аутизм, аутист, синдром Дауна, хронічна хвороба, посвідчення інваліда, "
            "ступінь інвалідності, Schwerbehindertenausweis, особистий бюджет, асистент, інклюзія, реабілітація, "
            "супровід у школі"
        ),
        "ru": (
            "инвалидность, инвалидностью, с инвалидностью, инвалид, инвалиды, особые потребности, инвалидная коляска, "
            "незрячий, слепой, плохое зрение, глухой, глухота, плохо слышу, язык жестов, жестовый язык, умственная "
            "отсталость, нарушение развития, аутизм, аутист, синдром Дауна, хроническое заболевание, удостоверение "
            "инвалида, степень инвалидности, группа инвалидности, Schwerbehindertenausweis, личный бюджет, ассистент, "
            "инклюзия, реабилитация, сопровождение в школе"
        ),
    },
    "jugendberatung": {
        "de": (
            "Jugendlicher, Teenie, Azubi, Ausbildungsplatz, Lehrstelle, Bewerbung, Bewerbungen schreiben, Schulstress, "
            "Schule schwänzen, schwänzen, Schulverweigerung, sitzengeblieben, Abschluss nachholen, "
            "Hauptschulabschluss, Zoff mit Eltern, Streit mit Eltern, Ärger mit Eltern, Stress mit meinen Eltern, von "
            "zu Hause weg, abhauen, abgehauen, Streetwork, Jugendtreff, Jugendzentrum, Freizeit, Cybermobbing, "
            "gemobbt, Schluss gemacht, erste Liebe, Hausaufgaben, Nachhilfe, Hausaufgabenhilfe, Ausbildungsabbruch, "
            "Coming-out, queer, schwul, lesbisch"
        ),
        "en": (
            "youth, young people, young person, teenager, teenagers, teen, teens, adolescent, school, school stress, "
            "skipping school, dropped out of school, dropout, apprenticeship, vocational training, training place, job "
            "application, internship, first job, problems with parents, fight with my parents, arguing with parents, "
            "moving out, runaway, heartbreak, broken heart, bullying, bullied, cyberbullying, tutoring, "
            "youth club, youth centre, coming out, LGBTQ, gay"
        ),
        "tr": (
            "genç, gençler, gençlik, ergen, ergenler, genç yetişkin, okul, okulu bırakmak, okulu bıraktım, okul "
            "stresi, okuldan kaçmak, meslek eğitimi, çıraklık, Ausbildung, staj, iş başvurusu, meslek seçimi, ailemle "
            "sorun, ailemle kavga, annemle babamla kavga, evden ayrılmak, evden kaçmak, aşk acısı, kalp kırıklığı, "
            "zorbalık, akran zorbalığı, siber zorbalık, mobbing, ödev yardımı, etüt, gençlik merkezi"
        ),
        "ar": (
            "شباب, الشباب, شاب, شابة, مراهق, مراهقين, المراهقين, يافع, اليافعين, المدرسة, مدرسة, ترك المدرسة, التسرب "
            "المدرسي, ضغط الدراسة, تدريب مهني, التدريب المهني, أوسبيلدونغ, تدريب عملي, طلب عمل, التوجيه المهني, مشاكل "
            "مع الأهل, خلاف مع أهلي, أهلي لا يفهمونني, مشاكل عاطفية, تنمر, التنمر, التنمر الإلكتروني, واجبات مدرسية, "
            "دروس تقوية, مركز شباب"
        ),
        "uk": (
            "молодь, молоді люди, молода людина, підліток, підлітки, підлітків, юнак, школа, у школі, кинув школу, "
            "кинула школу, стрес у школі, прогули, професійне навчання, Ausbildung, практика, стажування, резюме, "
            "вибір професії, проблеми з батьками, сварки з батьками, батьки не розуміють, переїхати від батьків, "
            "нещасне кохання, булінг, цькування, кібербулінг, домашні завдання, репетитор, молодіжний центр"
        ),
        "ru": (
            "молодёжь, молодые люди, молодой человек, подросток, подростки, подростков, школа, в школе, бросил школу, "
            "бросила школу, стресс в школе, прогулы, профессиональное обучение, Ausbildung, практика, стажировка, "
            "резюме, выбор профессии, проблемы с родителями, ссоры с родителями, родители не понимают, съехать от "
            "родителей, несчастная любовь, буллинг, травля, кибербуллинг, домашнее задание, репетитор, молодёжный центр"
        ),
    },
    "sozialberatung": {
        "de": (
            "Hartz 4, Hartz4, Harz 4, Bürgergeldantrag, Bürgergeld beantragen, Weiterbewilligungsantrag, "
            "Weiterbewilligung, Sanktion, Sanktionen, Leistungskürzung, Sozialamt, Arbeitsamt, Agentur für Arbeit, "
            "Arbeitslosengeld, ALG II, arbeitslos, Arbeitslosigkeit, Brief vom Amt, Brief vom Jobcenter, "
            "Behördenbrief, Behördenpost, Formular ausfüllen, Antrag ausfüllen, Widerspruch einlegen, Rückforderung, "
            "Mehrbedarf, Unterhaltsvorschuss, Bildungspaket, Sozialpass, Tafel, Lebensmittel, Heizkosten, "
            "Rundfunkbeitrag Befreiung, GEZ, Sozialticket, Krankenversicherung, Bafög, Berufsausbildungsbeihilfe, "
            "Zuschuss, Sozialleistung, Bürgergelt, Jobcentr, Wohngeldantrag"
        ),
        "en": (
            "benefits, social benefits, welfare, state benefits, citizen's income, Bürgergeld, unemployment benefit, "
            "jobless, unemployed, jobcenter, job centre, housing benefit, child benefit, child allowance, basic "
            "income, income support, social assistance, social welfare office, application, application form, forms, "
            "fill in forms, filling out forms, letter from the authorities, official letter, appeal, objection, "
            "sanction, sanctions, benefits cut, poor, poverty, low income, food bank"
        ),
        "tr": (
            "sosyal yardım, sosyal yardımlar, Bürgergeld, işsizlik parası, işsizlik maaşı, işsiz, işsizim, iş ajansı, "
            "Jobcenter, iş kurumu, kira yardımı, Wohngeld, çocuk parası, Kindergeld, çocuk zammı, sosyal hizmetler, "
            "sosyal daire, Sozialamt, başvuru, başvuru formu, form doldurmak, formlar, dilekçe, itiraz, resmi yazı, "
            "resmi mektup, kesinti, fakir, yoksul, yoksulluk, geçim sıkıntısı, düşük gelir, gıda bankası, Tafel"
        ),
        "ar": (
            "مساعدات اجتماعية, المساعدات الاجتماعية, إعانة, الإعانة, إعانات, المعونة الاجتماعية, Bürgergeld, "
            "بورغرغيلد, جوب سنتر, الجوب سنتر, Jobcenter, إعانة البطالة, عاطل عن العمل, بطالة, البطالة, إعانة السكن, "
            "بدل السكن, Wohngeld, كيندرغيلد, Kindergeld, دائرة الشؤون الاجتماعية, السوسيال, طلب, الطلب, استمارة, "
            "استمارات, ملء الاستمارات, تعبئة الطلب, رسالة من الدائرة, رسائل رسمية, قرار, اعتراض, الاعتراض, فقر, الفقر, "
            "فقير, دخل منخفض, بنك الطعام"
        ),
        "uk": (
            "соціальні виплати, виплати, соцвиплати, Bürgergeld, бюргергельд, джобцентр, Jobcenter, центр зайнятості, "
            "безробіття, безробітний, безробітна, житлова допомога, Wohngeld, дитячі гроші, Kindergeld, кіндергельд, "
            "соціальне відомство, соціальна служба, заява, заяви, подати заяву, формуляр, формуляри, бланки, заповнити "
            "анкету, анкета, лист з відомства, офіційний лист, рішення, Bescheid, оскарження, заперечення, "
            "Widerspruch, бідність, бідний, малозабезпечені, низький дохід, продуктовий банк, Tafel"
        ),
        "ru": (
            "социальные выплаты, выплаты, соцвыплаты, пособие, пособия, пособие по безработице, безработица, "
            "безработный, безработная, Bürgergeld, бюргергельд, джобцентр, Jobcenter, биржа труда, жилищное пособие, "
            "Wohngeld, детские деньги, детское пособие, Kindergeld, киндергельд, социальное ведомство, социальная "
            "служба, заявление, заявления, подать заявление, формуляр, формуляры, бланки, заполнить анкету, анкета, "
            "письмо из ведомства, официальное письмо, решение, Bescheid, обжалование, возражение, Widerspruch, "
            "бедность, бедный, малообеспеченные, низкий доход, продуктовый банк, Tafel"
        ),
    },
    "trauerbegleitung": {
        "de": (
            "trauert, Trauerbewältigung, Trauerfall, Trauerberatung, Tod der Mutter, Tod des Vaters, Mutter gestorben, "
            "Vater gestorben, Mann gestorben, Frau gestorben, Kind gestorben, Oma gestorben, Opa gestorben, tot, "
            "verstorbene, Witwe, Witwer, verwitwet, Sternenkind, Sterbefall, Beerdigung, Beisetzung, Bestattung, "
            "Friedhof, Hinterbliebene, jemanden verloren, Palliativ, Palliativversorgung, sterbenskrank, unheilbar "
            "krank, todkrank, Kindertrauer, Trauerfeier, Trauerbegeitung, Beerdigunng"
        ),
        "en": (
            "grief, grieving, bereavement, bereaved, mourning, loss, loss of a loved one, death, died, passed away, my "
            "mother died, my father died, my husband died, my wife died, my child died, lost my mother, lost my "
            "husband, widow, widower, funeral, burial, cemetery, hospice, palliative, dying, terminally ill, end of "
            "life, grief group, stillbirth, coping with loss"
        ),
        "tr": (
            "yas, yas tutmak, yas tutuyorum, matem, ölüm, vefat, vefat etti, öldü, kaybettim, kayıp, annem öldü, babam "
            "öldü, eşim öldü, eşimi kaybettim, çocuğum öldü, sevdiğimi kaybettim, dul, dul kadın, cenaze, defin, "
            "mezarlık, mezar, hospis, ölümcül hasta, palyatif, yas grubu, özlem"
        ),
        "ar": (
            "حزن, الحزن, حزين, حداد, الحداد, فقدان, فقدت, فقدان شخص عزيز, وفاة, الوفاة, توفي, توفيت, موت, الموت, مات, "
            "ماتت, أمي توفيت, أبي توفي, زوجي توفي, وفاة طفلي, أرملة, أرمل, جنازة, الجنازة, الدفن, دفن, مقبرة, المقبرة, "
            "المحتضرين, مرافقة المحتضرين, مرض عضال, مجموعة حزن, العزاء"
        ),
        "uk": (
            "горе, втрата, втрата близької людини, втратив, втратила, траур, жалоба, скорбота, смерть, помер, померла, "
            "померли, мама померла, тато помер, дитина померла, загибель, загинув, загинула, вдова, вдівець, похорон, "
            "поховання, кладовище, хоспіс, невиліковно хворий, паліативна, група підтримки в горі"
        ),
        "ru": (
            "горе, утрата, потеря, потеря близкого человека, потерял, потеряла, траур, скорбь, смерть, умер, умерла, "
            "умерли, мама умерла, папа умер, муж умер, жена умерла, ребёнок умер, погиб, погибла, вдова, вдовец, "
            "похороны, погребение, кладбище, хоспис, неизлечимо болен, паллиативная, группа поддержки в горе"
        ),
    },
}
