<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desk/ui/main_window.py" line="63"/>
        <source>desk — Front desk</source>
        <translation>desk — Guichet unique</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="73"/>
        <source>Front desk</source>
        <translation>Guichet unique</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="79"/>
        <source>families</source>
        <translation>familles</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="80"/>
        <source>children</source>
        <translation>enfants</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="81"/>
        <source>bookings to come</source>
        <translation>réservations à venir</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="88"/>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="88"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="88"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="88"/>
        <source>Enrolments</source>
        <translation>Inscriptions</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="96"/>
        <source>Current and upcoming activities</source>
        <translation>Activités en cours et à venir</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="106"/>
        <source>No agent signed in</source>
        <translation>Aucun agent connecté</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="114"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="115"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="119"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="124"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="125"/>
        <source>&amp;About desk</source>
        <translation>À &amp;propos de desk</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="142"/>
        <source>Front desk of {town} — {regie}</source>
        <translation>Guichet unique de {town} — {regie}</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="148"/>
        <source>{start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="160"/>
        <source>Check the database connection, then refresh (F5).</source>
        <translation>Vérifiez la connexion à la base de données, puis actualisez (F5).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="161"/>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="161"/>
        <source>The figures could not be read from the database.</source>
        <translation>Les chiffres n&apos;ont pas pu être lus dans la base de données.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="166"/>
        <source>About desk</source>
        <translation>À propos de desk</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="167"/>
        <source>desk {version} — front desk of the guichet unique.
{database}</source>
        <translation>desk {version} — l&apos;application du guichet unique.
{database}</translation>
    </message>
</context>
<context>
    <name>desk</name>
    <message>
        <location filename="../../desk/app.py" line="73"/>
        <source>desk cannot start</source>
        <translation>desk ne peut pas démarrer</translation>
    </message>
</context>
</TS>
