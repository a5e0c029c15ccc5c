<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>ChildRow</name>
    <message>
        <location filename="../../desk/ui/family_form.py" line="139"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="143"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="144"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="150"/>
        <source>Birth date, dd/mm/yyyy</source>
        <translation>Date de naissance, jj/mm/aaaa</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="166"/>
        <source>The symbol is given when the file is saved.</source>
        <translation>Le symbole est attribué à l&apos;enregistrement du dossier.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="169"/>
        <source>Planning symbol: %1</source>
        <translation>Symbole du planning : %1</translation>
    </message>
</context>
<context>
    <name>EnrolmentDialog</name>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="25"/>
        <source>New activity line</source>
        <translation>Nouvelle ligne d&apos;activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="41"/>
        <source>&amp;Child</source>
        <translation>&amp;Enfant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="42"/>
        <source>C&amp;ategory</source>
        <translation>C&amp;atégorie</translation>
    </message>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="43"/>
        <source>&amp;Type of activity</source>
        <translation>&amp;Type d&apos;activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="44"/>
        <source>&amp;Activity</source>
        <translation>&amp;Activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="48"/>
        <source>Enrol</source>
        <translation>Inscrire</translation>
    </message>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="79"/>
        <source>No activity is open for enrolment today for this child (age, dates, or already enrolled).</source>
        <translation>Aucune activité n&apos;est ouverte aux inscriptions aujourd&apos;hui pour cet enfant (âge, dates, ou déjà inscrit).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="115"/>
        <source>From %1 to %2, children aged %3 to %4</source>
        <translation>Du %1 au %2, enfants de %3 à %4 ans</translation>
    </message>
</context>
<context>
    <name>EnrolmentsTab</name>
    <message>
        <location filename="../../desk/ui/family_file.py" line="66"/>
        <source>Child</source>
        <translation>Enfant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="67"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="68"/>
        <source>Type of activity</source>
        <translation>Type d&apos;activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="69"/>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="70"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="74"/>
        <source>&amp;New activity line (Ctrl+I)</source>
        <translation>&amp;Nouvelle ligne d&apos;activité (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="78"/>
        <source>No activity line yet: create one to book days on the planning.</source>
        <translation>Aucune ligne d&apos;activité : créez-en une pour réserver des jours sur le planning.</translation>
    </message>
</context>
<context>
    <name>FamilyFile</name>
    <message>
        <location filename="../../desk/ui/texts.py" line="12"/>
        <source>Balance due: %1</source>
        <translation>Restant dû : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/texts.py" line="14"/>
        <source>Credit: %1</source>
        <translation>Avoir : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/texts.py" line="15"/>
        <source>Nothing due</source>
        <translation>Rien à régler</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/texts.py" line="20"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n an</numerusform>
            <numerusform>%n ans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FamilyFileWidget</name>
    <message>
        <location filename="../../desk/ui/family_file.py" line="160"/>
        <source>&amp;Dossier</source>
        <translation>&amp;Dossier</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="161"/>
        <source>&amp;Enrolments</source>
        <translation>&amp;Inscriptions</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="162"/>
        <source>P&amp;lanning</source>
        <translation>P&amp;lanning</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="163"/>
        <source>Pa&amp;yments</source>
        <translation>Pa&amp;iements</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="179"/>
        <source>New family</source>
        <translation>Nouvelle famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="180"/>
        <source>Fill in the file, then save (Ctrl+S).</source>
        <translation>Remplissez le dossier, puis enregistrez (Ctrl+S).</translation>
    </message>
</context>
<context>
    <name>FamilyForm</name>
    <message>
        <location filename="../../desk/ui/family_form.py" line="199"/>
        <source>Family name</source>
        <translation>Nom de la famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="202"/>
        <source>Number and street</source>
        <translation>Numéro et rue</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="205"/>
        <source>Town</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="208"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="211"/>
        <source>Family</source>
        <translation>Famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="213"/>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="214"/>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="215"/>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="219"/>
        <source>Postal code, town</source>
        <translation>Code postal, commune</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="220"/>
        <source>&amp;Phone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="221"/>
        <source>&amp;E-mail</source>
        <translation>&amp;Courriel</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="222"/>
        <source>&amp;Quotient familial (€)</source>
        <translation>&amp;Quotient familial (€)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="225"/>
        <source>Guardians</source>
        <translation>Responsables</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="228"/>
        <source>Add a guardian</source>
        <translation>Ajouter un responsable</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="234"/>
        <source>Children</source>
        <translation>Enfants</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="237"/>
        <source>Add a child</source>
        <translation>Ajouter un enfant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="243"/>
        <source>&amp;Save (Ctrl+S)</source>
        <translation>&amp;Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="248"/>
        <source>Undo changes</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="321"/>
        <source>given when saved</source>
        <translation>attribué à l&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="361"/>
        <source>The quotient familial is a whole number of euros.</source>
        <translation>Le quotient familial est un nombre entier d&apos;euros.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="367"/>
        <source>Impossible date: « %1 » (dd/mm/yyyy).</source>
        <translation>Date impossible : « %1 » (jj/mm/aaaa).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="386"/>
        <source>Create a new file anyway?</source>
        <translation>Créer quand même un nouveau dossier ?</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="387"/>
        <source>Possible duplicate</source>
        <translation>Doublon possible</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="394"/>
        <source>Family file</source>
        <translation>Dossier famille</translation>
    </message>
</context>
<context>
    <name>FamilySearchPanel</name>
    <message>
        <location filename="../../desk/ui/search_panel.py" line="160"/>
        <source>Name, first name, dossier, phone or e-mail</source>
        <translation>Nom, prénom, dossier, téléphone ou courriel</translation>
    </message>
    <message>
        <location filename="../../desk/ui/search_panel.py" line="182"/>
        <source>&amp;Find a family</source>
        <translation>&amp;Rechercher une famille</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/search_panel.py" line="216"/>
        <source>%n family(ies)</source>
        <translation>
            <numerusform>%n famille</numerusform>
            <numerusform>%n familles</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/search_panel.py" line="218"/>
        <source>No family matches.</source>
        <translation>Aucune famille ne correspond.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/search_panel.py" line="226"/>
        <source>The search failed: check the database connection.</source>
        <translation>La recherche a échoué : vérifiez la connexion à la base de données.</translation>
    </message>
</context>
<context>
    <name>GuardianRow</name>
    <message>
        <location filename="../../desk/ui/family_form.py" line="89"/>
        <source>Main contact</source>
        <translation>Contact principal</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="90"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="94"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="95"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="96"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="97"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../desk/ui/main_window.py" line="64"/>
        <source>Front desk</source>
        <translation>Guichet unique</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="67"/>
        <source>Find a family on the left (Ctrl+F), or create one (Ctrl+N).</source>
        <translation>Recherchez une famille à gauche (Ctrl+F), ou créez-la (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="69"/>
        <source>families</source>
        <translation>familles</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="70"/>
        <source>children</source>
        <translation>enfants</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="71"/>
        <source>bookings to come</source>
        <translation>réservations à venir</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="78"/>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="78"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="78"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="78"/>
        <source>Enrolments</source>
        <translation>Inscriptions</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="91"/>
        <source>Current and upcoming activities</source>
        <translation>Activités en cours et à venir</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="97"/>
        <source>Front desk of {town} — {regie}</source>
        <translation>Guichet unique de {town} — {regie}</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="104"/>
        <source>{start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desk/ui/login_dialog.py" line="20"/>
        <source>desk — Sign in</source>
        <translation>desk — Connexion</translation>
    </message>
    <message>
        <location filename="../../desk/ui/login_dialog.py" line="23"/>
        <source>Front desk</source>
        <translation>Guichet unique</translation>
    </message>
    <message>
        <location filename="../../desk/ui/login_dialog.py" line="40"/>
        <source>&amp;Login</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/login_dialog.py" line="41"/>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <location filename="../../desk/ui/login_dialog.py" line="43"/>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../../desk/ui/login_dialog.py" line="59"/>
        <source>Enter your login and your password.</source>
        <translation>Saisissez votre identifiant et votre mot de passe.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desk/ui/main_window.py" line="124"/>
        <source>desk — Front desk</source>
        <translation>desk — Guichet unique</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="154"/>
        <source>No agent signed in</source>
        <translation>Aucun agent connecté</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="189"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="181"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="176"/>
        <source>&amp;Find a family</source>
        <translation>&amp;Rechercher une famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="178"/>
        <source>&amp;New family</source>
        <translation>&amp;Nouvelle famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="180"/>
        <source>&amp;Home</source>
        <translation>&amp;Accueil</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="183"/>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="185"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="193"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="194"/>
        <source>Counter</source>
        <translation>Comptoir</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="209"/>
        <source>Family file</source>
        <translation>Dossier famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="224"/>
        <source>Family file saved.</source>
        <translation>Dossier famille enregistré.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="244"/>
        <source>Cash desk closed</source>
        <translation>Caisse fermée</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="247"/>
        <source>Cash desk open since %1</source>
        <translation>Caisse ouverte depuis le %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="186"/>
        <source>&amp;About desk</source>
        <translation>À &amp;propos de desk</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="251"/>
        <source>Check the database connection, then refresh (F5).</source>
        <translation>Vérifiez la connexion à la base de données, puis actualisez (F5).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="252"/>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="252"/>
        <source>The figures could not be read from the database.</source>
        <translation>Les chiffres n&apos;ont pas pu être lus dans la base de données.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="257"/>
        <source>About desk</source>
        <translation>À propos de desk</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="258"/>
        <source>desk {version} — front desk of the guichet unique.
{database}</source>
        <translation>desk {version} — l&apos;application du guichet unique.
{database}</translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <location filename="../../desk/ui/family_file.py" line="118"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="119"/>
        <source>Receipt</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="120"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="121"/>
        <source>Paid by</source>
        <translation>Réglé par</translation>
    </message>
</context>
<context>
    <name>desk</name>
    <message>
        <location filename="../../desk/app.py" line="106"/>
        <source>desk cannot start</source>
        <translation>desk ne peut pas démarrer</translation>
    </message>
</context>
</TS>
