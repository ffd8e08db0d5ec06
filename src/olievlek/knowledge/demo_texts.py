"""Dutch building blocks for the demo stories and the manifesto (fictional, our own words)."""

TITLES = {
    "gezondheid": [
        "Fit aan de lopende band",
        "Een fysiotherapeut op de werkvloer",
        "Minder tillen, minder uitval",
        "Vitaliteit begint bij de koffieautomaat",
        "Gezond roosteren in de nachtdienst",
        "Samen sporten na de dienst",
        "Werkplekken die meebewegen",
        "Van verzuimgesprek naar gezondheidsgesprek",
    ],
    "ontwikkeling": [
        "Een leerbudget dat echt gebruikt wordt",
        "Meelopen bij een andere afdeling",
        "Van heftruckchauffeur naar planner",
        "Iedereen een opleidingsdag per kwartaal",
        "Vakmanschap doorgeven aan de volgende generatie",
        "Leren op de werkvloer, niet in een zaaltje",
        "Digitale vaardigheden voor elke leeftijd",
        "Een tweede loopbaan binnen het bedrijf",
    ],
    "betrokkenheid": [
        "Het goede gesprek, elk kwartaal",
        "Leidinggevenden die echt luisteren",
        "Medewerkers bepalen mee over het werk",
        "Een ontbijt met de directie",
        "Waardering zit in kleine dingen",
        "Het team maakt het rooster",
        "Trots op ons vak",
        "Nieuwe collega's een maatje geven",
    ],
    "organisatie": [
        "Werk dat past bij de levensfase",
        "Ruimte voor mantelzorg",
        "Minder overuren door slimmer plannen",
        "Taken rouleren tegen eenzijdige belasting",
        "Deeltijd als gewone keuze",
        "Een seniorenregeling die wel werkt",
        "Zelfroosteren in de zorg",
        "Thuiswerken en werkplekken op maat",
    ],
    "apk": [
        "Een loopbaan-APK om de vijf jaar",
        "Vooruitkijken tot je pensioen",
        "Het gesprek over morgen, vandaag",
        "Werkvermogen meten en bespreken",
        "Elke medewerker een toekomstplan",
        "Duurzaam inzetbaar tot je 67e",
        "De jaarlijkse check van werk en gezondheid",
        "Op tijd bijsturen in plaats van uitvallen",
    ],
}

LEADS = {
    "gezondheid": "Bij {org} zagen ze het verzuim oplopen. Ze kozen niet voor een nieuw "
    "protocol, maar voor gezondheid als gewoon gespreksonderwerp op de werkvloer.",
    "ontwikkeling": "Bij {org} leert iedereen, van stagiair tot de collega die al dertig jaar "
    "meedraait. Ontwikkeling is er geen beloning maar een vanzelfsprekendheid.",
    "betrokkenheid": "{org} ontdekte dat betrokken medewerkers minder vaak uitvallen. Het "
    "begon met leidinggevenden die tijd maken voor een echt gesprek.",
    "organisatie": "Bij {org} past het werk zich aan de mensen aan, en niet alleen andersom. "
    "Dat vraagt om slim organiseren, en levert rust en minder uitval op.",
    "apk": "{org} houdt regelmatig een loopbaan-APK met elke medewerker: een moment om "
    "samen te kijken naar werk, gezondheid en de jaren die nog komen.",
}

PARAGRAPHS = {
    "gezondheid": [
        "Het idee kwam van de werknemers zelf. In een teamoverleg vertelde een collega dat "
        "hij na een dienst niet meer de energie had om te sporten. Dat werd het begin van een "
        "vitaliteitsprogramma dat nu door bijna iedereen wordt gebruikt.",
        "We investeerden in betere hulpmiddelen en in tijd: tijd om te bewegen, tijd om even "
        "bij te komen. De bedrijfsfysiotherapeut komt elke week langs en kijkt mee op de "
        "werkplek. Kleine aanpassingen voorkomen grote klachten.",
        "Gezonde werknemers zijn geen toeval. Het vraagt om leidinggevenden die durven te "
        "vragen hoe het gaat, en om een cultuur waarin je eerlijk antwoord mag geven.",
    ],
    "ontwikkeling": [
        "Iedere medewerker heeft een eigen leerbudget. In het begin werd dat nauwelijks "
        "gebruikt; mensen wisten niet wat ze ermee mochten. Sinds leidinggevenden er in elk "
        "gesprek naar vragen, volgt bijna iedereen een opleiding of training.",
        "Meelopen bij een andere afdeling bleek de sterkste vorm van leren. Collega's zien "
        "hoe hun werk samenhangt met dat van anderen, en sommigen vonden zo een nieuwe rol.",
        "Ontwikkeling houdt mensen wendbaar. Als het werk verandert, en dat doet het, staan "
        "onze mensen niet aan de kant maar denken ze mee.",
    ],
    "betrokkenheid": [
        "Elk kwartaal voert iedere leidinggevende een gesprek met elke medewerker. Niet over "
        "targets, maar over het werk zelf: wat gaat goed, wat kost energie, wat kan anders?",
        "Medewerkers beslissen mee over hoe het werk wordt ingericht. Dat kost soms tijd, "
        "maar de oplossingen zijn beter en worden gedragen.",
        "Betrokkenheid werkt in twee richtingen: van de medewerker bij het werk, en van de "
        "leidinggevende bij de mensen. Het een kan niet zonder het ander.",
    ],
    "organisatie": [
        "We keken kritisch naar onze roosters. Door taken te rouleren en pieken beter te "
        "spreiden, daalde de werkdruk zonder dat er extra mensen nodig waren.",
        "Wie mantelzorg geeft of jonge kinderen heeft, kan zijn werktijden aanpassen. Dat "
        "bleek minder ingewikkeld dan gedacht, zolang het team meedenkt.",
        "Een organisatie die ruimte biedt, houdt haar mensen. Het verloop is sindsdien "
        "gehalveerd en nieuwe collega's weten ons te vinden.",
    ],
    "apk": [
        "De loopbaan-APK is een vast moment, los van de beoordeling. Medewerker en "
        "leidinggevende kijken samen vooruit: past het werk nog, en wat is er nodig om het "
        "over vijf jaar ook nog goed te kunnen doen?",
        "We gebruiken een korte zelfscan als start van het gesprek. Die scan is van de "
        "medewerker; de leidinggevende ziet alleen wat de medewerker zelf wil delen.",
        "Door op tijd bij te sturen voorkomen we dat mensen vastlopen. Soms is een kleine "
        "aanpassing genoeg, soms een andere functie binnen het bedrijf.",
    ],
}

MEASURES = {
    "gezondheid": ["een vitaliteitsbudget", "bewegen tijdens de pauze", "gezonde lunch"],
    "ontwikkeling": ["een persoonlijk leerbudget", "meeloopdagen", "interne opleidingen"],
    "betrokkenheid": ["kwartaalgesprekken", "een medewerkerspanel", "een maatjesprogramma"],
    "organisatie": ["zelfroosteren", "taakroulatie", "flexibele werktijden"],
    "apk": ["een loopbaan-APK", "een zelfscan vooraf", "een toekomstplan per medewerker"],
}

TIPS = [
    "Begin klein en vraag je mensen wat zij nodig hebben.",
    "Maak leidinggevenden eigenaar van het gesprek, en geef ze er tijd voor.",
    "Meet wat je doet, maar laat de cijfers niet het gesprek overnemen.",
    "Zoek een andere werkgever om van te leren; je hoeft het wiel niet zelf uit te vinden.",
]

FACTORS = [
    (
        "Het gesprek is de kern",
        "Duurzame inzetbaarheid begint met een regelmatig, open "
        "gesprek tussen medewerker en leidinggevende over werk, gezondheid en toekomst.",
        ["betrokkenheid", "apk"],
    ),
    (
        "Leidinggevenden maken het verschil",
        "Leidinggevenden krijgen de tijd, de "
        "vaardigheden en het vertrouwen om aandacht te geven aan hun mensen.",
        ["betrokkenheid"],
    ),
    (
        "De medewerker is eigenaar",
        "Medewerkers bepalen zelf mee wat zij nodig hebben; de "
        "werkgever faciliteert en neemt het niet over.",
        ["apk", "ontwikkeling"],
    ),
    (
        "Leren hoort bij werken",
        "Ontwikkeling is geen extraatje maar een vast onderdeel van "
        "het werk, voor iedereen en op elke leeftijd.",
        ["ontwikkeling"],
    ),
    (
        "Gezondheid is bespreekbaar",
        "Over gezondheid en energie praten is gewoon, zonder dat "
        "de werkgever vastlegt wat een medewerker mankeert.",
        ["gezondheid"],
    ),
    (
        "Werk past bij de levensfase",
        "Werktijden, taken en belasting bewegen mee met wat er in iemands leven speelt.",
        ["organisatie"],
    ),
    (
        "Klein beginnen, volhouden",
        "Een eerste stap hoeft niet groot te zijn; het gaat erom "
        "dat je blijft doorgaan en leert van wat werkt.",
        ["organisatie", "gezondheid"],
    ),
    (
        "Cijfers ondersteunen, niet sturen",
        "Verzuim en investering bijhouden helpt om het "
        "gesprek te voeren, maar mensen zijn geen getallen.",
        ["gezondheid", "organisatie"],
    ),
    (
        "Werkgevers leren van werkgevers",
        "Andere werkgevers overtuigen het best: door te "
        "laten zien wat werkt, in hun eigen woorden.",
        ["betrokkenheid", "ontwikkeling"],
    ),
    (
        "Vooruitkijken in plaats van repareren",
        "Op tijd bijsturen voorkomt uitval; een periodieke check helpt daarbij.",
        ["apk"],
    ),
    (
        "Iedereen doet mee",
        "Duurzame inzetbaarheid is voor alle medewerkers, niet alleen "
        "voor wie al klachten heeft of bijna met pensioen gaat.",
        ["betrokkenheid", "apk"],
    ),
    (
        "Ruimte om te wisselen",
        "Van rol of afdeling wisselen wordt makkelijk gemaakt, zodat "
        "mensen niet vastlopen in hun functie.",
        ["ontwikkeling", "organisatie"],
    ),
]
SESSIONS = ["Sessie 1, Utrecht", "Sessie 2, Zwolle", "Sessie 3, Eindhoven", "Sessie 4, Rotterdam"]
