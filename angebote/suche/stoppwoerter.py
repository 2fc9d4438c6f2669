"""Filler words of the six citizen languages, folded by `text.normalize` when loaded: dropped from a query.

STOPPWOERTER holds a first list, STOPPWOERTER_NACH_SPRACHE a longer one per language; both count.
GENERISCH holds the words that describe almost every Angebot (»Hilfe«, »Beratung«, »help«): they rank a
hit but do not make one, so »Hilfe bei Schulden« is about Schulden.
"""

STOPPWOERTER = " ".join(
    (
        # de
        """
    a aber alle alles als also am an andere auch auf aus bei beim bin bis bitte bzw da dafur damit dann das dass ich
    dein deine dem den denn der des dich die dies diese diesem diesen dieser dir doch dort du durch ein eine einem
    einen einer eines einfach er es etwas euch euer fur gibt ganz gar geht gern gerne habe haben hat hatte hast
    hatten heute hier ihm ihn ihnen ihr ihre im immer in ins ist ja jemand jemanden jetzt kann kannst kein keine
    keinen keiner konnen konnte man manchmal mehr mein meine meinem meinen meiner meines mich mir mit mochte muss
    mussen nach nein nicht nichts noch nur ob oder ohne schon sehr sein seine sich sie sind so soll sollte uber
    um und uns unser unsere unter viel vom von vor war waren was weil weiss welche welcher wenn wer werde werden
    wie wieder will wir wird wo wohin woher wurde zu zum zur zwar
    """,
        # en
        """
    a about am an and any anyone anything are as at be been being but by can could do does dont for from get got
    had has have having he her here him his how i im if in into is it its just me my myself need needs no not of
    on or our please she so some someone something than that the their them there they this to too us very want
    wants was we were what when where which who why will with would you your
    """,
        # tr
        """
    acaba ama ben beni bana benim bir biri birisi bu bunu burada da daha de diye en gibi hangi hem her icin ile
    ise kim mi mu mı mü nasil ne nerede nereye o ona onu onun sen seni sana senin siz size sizin su ve veya ya
    yok var lutfen cok az
    """,
        # ar
        """
    لدي عندنا انا انت انتم هو هي نحن هم في من الى على عن مع هذا هذه ذلك تلك التي الذي الذين و او ثم لا لم لن ما ماذا متى
    اين كيف هل لي لك له لها عند عندي كان يكون ان اريد احتاج ابحث اين من فضلك لو
    """,
        # uk
        """
    я ти він вона воно ми ви вони мене мені мій моя моє мої мого твій твоя наш ваш це цей ця ті той та в у на з
    зі із до від для про по при над під за як де коли чому що хто чи і й та але або не ні так є був була було
    мені будь ласка мушу можна треба потрібно потрібна потрібен хочу шукаю
    """,
        # ru
        """
    я ты он она оно мы вы они меня мне мой моя моё мои моего твой твоя наш ваш это этот эта те тот та в во на с
    со из до от для о об про по при над под за как где когда почему что кто ли и а но или не ни да есть был
    была было пожалуйста можно нужно надо нужен нужна хочу ищу
    """,
    )
)

GENERISCH = """
    hilfe helfen hilft beratung beratungsstelle berater beraterin brauche brauchen benotige suche suchen finden
    unterstutzung angebot angebote stelle problem probleme frage fragen information informationen beantragen
    bekommen kriegen machen tun welche wohin
    help helping advice advisory counselling counseling support service services centre center office problem
    problems information find looking
    yardim destek danisma danismanlik sorun bilgi
    مساعده مساعدة استشاره دعم مشكله معلومات
    допомога допомогти консультація підтримка проблема інформація
    помощь помочь консультация поддержка проблема информация
"""

# Per language, as native speakers type them around the meaningful word.
STOPPWOERTER_NACH_SPRACHE: dict[str, str] = {
    "de": (
        "ich du er sie es wir ihr man mein meine meinen meinem meiner mich mir dich dir uns unser unsere sein seine "
        "der die das den dem des ein eine einen einem einer kein keine keinen keiner für in im am an auf aus bei beim "
        "bis durch mit nach ohne über um von vom vor zu zum zur und oder aber auch noch schon sehr viel viele mehr nur "
        "jetzt sofort dringend schnell heute einfach mal bitte brauche brauchen benötige suche suchen finde finden "
        "gibt es wo wohin wie was wer wann warum welche welcher kann können könnte möchte will wollen würde habe hab "
        "hat haben hast bin ist sind war bist werde wird dass weil wenn ob nicht nichts jemand jemanden irgendwo etwas "
        "so denn doch ja nein nun hier da dort kommt kommen komme verstehe verstehen weiß weiss gerne gern bekomme "
        "bekommen kriegen machen tun"
    ),
    "en": (
        "i me my mine myself we us our you your he him his she her they them their it its a an the this that these "
        "those is am are was were be been being have has had having do does did don doesn didn dont cant can't im i'm "
        "ive can could would should will shall may might must need needs needed want wants wanted feel feeling looking "
        "look find finding search searching get getting got help helping please where how what when who which why "
        "there here near nearby around in on at to for from with without of about by into over under after before and "
        "or but not no if so just also very really too some any anyone someone somebody something anything advice "
        "counselling counseling support service services centre center office contact info information problem "
        "problems issue issues urgent hello hi thanks"
    ),
    "tr": (
        "ben sen o biz siz onlar beni bana benim bende benden seni sana senin bizi bize bizim onu ona onun kendim "
        "kendi bir bu şu bunu şunu burada orada için icin ile ve veya ya da de ama ki mi mı mu mü ne nasıl nasil "
        "nerede nerde nereye neden niye kim hangi ne zaman var yok lazım lazim gerek gerekiyor istiyorum istiyoruz "
        "ihtiyacım ihtiyaç arıyorum ariyorum bulmak bulabilirim yardım yardim yardıma yardımcı destek danışma "
        "danışmanlık bilgi merkez merkezi hizmet hizmeti sorun sorunum sorunlar problem acil hemen şimdi bugün yakın "
        "yakında yakınımda çok daha en gibi kadar her lütfen lutfen teşekkür merhaba selam acaba eğer değil evet hayır "
        "geldi olur olarak"
    ),
    "ar": (
        "أنا انا أنت انت هو هي نحن هم لي لك له لها لنا لدي عندي عندنا عنده عندها أريد اريد أحتاج احتاج بحاجة محتاج "
        "محتاجة أبحث ابحث عن في من إلى الى على مع بدون هل كيف أين اين وين متى ماذا ما لماذا ليش مين من فضلك لو سمحت "
        "أرجو رجاء يمكن يمكنني ممكن أستطيع استطيع أقدر لا لم لن ليس ليست هذا هذه ذلك تلك هناك هنا و أو او ثم لكن أيضا "
        "كثير جدا الآن اليوم بسرعة عاجل مساعدة المساعدة ساعدني ساعدوني استشارة الاستشارة مشورة نصيحة دعم مركز خدمة "
        "معلومات مكتب قريب قريبة مني بالقرب مشكلة مشاكل المشكلة شيء أي كل بعض كان كانت يكون التي الذي اللي شو"
    ),
    "uk": (
        "я мені мене мій моя моє мої ми нам нас наш наша ти тобі тебе ви вам вас ваш він вона воно вони його її їх їм "
        "це цей ця ці той та те там тут де куди як коли чому що хто який яка які чи потрібно потрібна потрібен треба "
        "шукаю шукати знайти знайду можна можу може будь ласка прошу допоможіть допомога допомогу допомоги допомогти "
        "консультація консультації консультацію порада підтримка послуга центр служба інформація в у на з із до від "
        "для про по при без за над під через і й або але теж також дуже вже ще зараз терміново швидко сьогодні поруч "
        "біля близько є немає нема не ні так бути був була було маю має мають хочу проблема проблеми проблем проблему "
        "щось хтось десь ким привіт дякую"
    ),
    "ru": (
        "я мне меня мой моя моё мое мои мы нам нас наш наша ты тебе тебя вы вам вас ваш он она оно они его её ее их им "
        "это этот эта эти тот та то там тут здесь где куда как когда почему зачем что кто какой какая какие ли нужно "
        "нужна нужен надо ищу искать найти найду можно могу может пожалуйста помогите помочь помощь помощи "
        "консультация консультации консультацию совет поддержка услуга центр служба информация в во на с со к ко от "
        "для про по при без за над под через и или но а тоже также очень уже ещё еще сейчас срочно быстро сегодня "
        "рядом около близко есть нет не ни да бы быть был была было имею хочу проблема проблемы проблем проблему кем "
        "чем кого здравствуйте привет спасибо у"
    ),
}
